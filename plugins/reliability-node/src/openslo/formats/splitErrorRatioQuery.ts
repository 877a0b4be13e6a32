/**
 * A precomputed ratio split back into the two counts it divides, when
 * that can be done without changing what it measures.
 */
export type SplitRatio =
  | { kind: 'bad'; bad: string; total: string }
  | { kind: 'good'; good: string; total: string };

interface TopLevelToken {
  /** Operator text, e.g. `/`, `-`, `and`. */
  operator: string;
  at: number;
}

const WORD_OPERATORS = new Set(['and', 'or', 'unless', 'atan2']);
const AGGREGATION = /^sum\s*(\(|by\b|without\b)/;

/**
 * Finds the binary operators outside any bracket, string or comment. A
 * `-` or `+` directly after another operator (or at the start) is a sign,
 * not an operator.
 */
function topLevelOperators(query: string): TopLevelToken[] | undefined {
  const tokens: TopLevelToken[] = [];
  let depth = 0;
  let expectOperand = true;
  let index = 0;
  while (index < query.length) {
    const char = query[index];
    if (char === '"' || char === "'" || char === '`') {
      const end = closingQuote(query, index);
      if (end === undefined) {
        return undefined;
      }
      index = end + 1;
      expectOperand = false;
      continue;
    }
    if (char === '#') {
      const newline = query.indexOf('\n', index);
      index = newline === -1 ? query.length : newline;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') {
      depth += 1;
      index += 1;
      expectOperand = char === '(' ? true : expectOperand;
      continue;
    }
    if (char === ')' || char === ']' || char === '}') {
      depth -= 1;
      if (depth < 0) {
        return undefined;
      }
      index += 1;
      expectOperand = false;
      continue;
    }
    if (/\s/.test(char) || depth > 0) {
      index += 1;
      continue;
    }
    const symbol = /^(==|!=|>=|<=|[-+*/%^<>])/.exec(query.slice(index));
    if (symbol) {
      if (!(expectOperand && (symbol[0] === '-' || symbol[0] === '+'))) {
        tokens.push({ operator: symbol[0], at: index });
      }
      index += symbol[0].length;
      expectOperand = true;
      continue;
    }
    const word = /^[a-zA-Z_:][a-zA-Z0-9_:]*|^[0-9.][0-9.eE]*/.exec(
      query.slice(index),
    );
    if (word) {
      if (WORD_OPERATORS.has(word[0])) {
        tokens.push({ operator: word[0], at: index });
        expectOperand = true;
      } else {
        expectOperand = false;
      }
      index += word[0].length;
      continue;
    }
    index += 1;
  }
  return depth === 0 ? tokens : undefined;
}

function closingQuote(query: string, start: number): number | undefined {
  const quote = query[start];
  for (let index = start + 1; index < query.length; index += 1) {
    if (query[index] === '\\' && quote !== '`') {
      index += 1;
    } else if (query[index] === quote) {
      return index;
    }
  }
  return undefined;
}

/** Removes brackets that enclose the whole expression: `((a))` → `a`. */
function stripOuterParentheses(query: string): string {
  let text = query.trim();
  while (text.startsWith('(') && text.endsWith(')')) {
    const inner = text.slice(1, -1);
    // "(a) / (b)" starts and ends with brackets that are not a pair: the
    // inside is then unbalanced.
    if (topLevelOperators(inner) === undefined) {
      break;
    }
    text = inner.trim();
  }
  return text;
}

function splitDivision(
  query: string,
): { numerator: string; denominator: string } | undefined {
  const text = stripOuterParentheses(query);
  const operators = topLevelOperators(text);
  if (operators?.length !== 1 || operators[0].operator !== '/') {
    return undefined;
  }
  const numerator = stripOuterParentheses(text.slice(0, operators[0].at));
  const denominator = text.slice(operators[0].at + 1).trim();
  // Vector matching (`/ on(code)`) or `bool` changes what is divided.
  if (/^(on|ignoring|group_left|group_right|bool)\b/.test(denominator)) {
    return undefined;
  }
  const total = stripOuterParentheses(denominator);
  // Sums on both sides: the ratio of the sums is what Preflight measures.
  if (!AGGREGATION.test(numerator) || !AGGREGATION.test(total)) {
    return undefined;
  }
  return { numerator, denominator: total };
}

/**
 * Splits an error-ratio query into counts Preflight can measure, when it is
 * written as one of
 *
 * - `sum(bad…) / sum(total…)` → bad / total
 * - `1 - (sum(good…) / sum(total…))` → good / total
 *
 * Both are exactly the ratio that Preflight computes from two counts over
 * the same window. Anything else (an average of ratios, vector matching,
 * further arithmetic) has no such split and yields `undefined`.
 */
export function splitErrorRatioQuery(query: string): SplitRatio | undefined {
  const text = stripOuterParentheses(query);
  const operators = topLevelOperators(text);
  if (operators === undefined) {
    return undefined;
  }
  const complement = /^1(\.0*)?\s*-/.exec(text);
  if (complement && operators[0]?.operator === '-' && operators[0].at > 0) {
    const division = splitDivision(text.slice(operators[0].at + 1));
    return division
      ? {
          kind: 'good',
          good: division.numerator,
          total: division.denominator,
        }
      : undefined;
  }
  const division = splitDivision(text);
  return division
    ? { kind: 'bad', bad: division.numerator, total: division.denominator }
    : undefined;
}
