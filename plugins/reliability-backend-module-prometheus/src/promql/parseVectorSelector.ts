import { PromqlSyntaxError } from './PromqlSyntaxError';
import { unquotePromqlString } from './unquotePromqlString';
import type {
  LabelMatchOperator,
  LabelMatcher,
  VectorSelector,
} from './VectorSelector';

const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const OPERATORS: readonly LabelMatchOperator[] = ['=~', '!~', '!=', '='];

function skipSpace(text: string, position: number): number {
  let i = position;
  while (i < text.length && /\s/.test(text[i])) {
    i += 1;
  }
  return i;
}

function matchAt(pattern: RegExp, text: string, position: number) {
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  return match ? match[0] : undefined;
}

/**
 * Reads one vector selector (`name`, `name{…}` or `{…}`) starting at
 * `start` (after optional whitespace) and returns it with the offset just
 * after it. Stops before anything that follows, e.g. a `[5m]` range.
 */
export function scanVectorSelector(
  text: string,
  start: number,
): { selector: VectorSelector; end: number } {
  let i = skipSpace(text, start);
  const metric = matchAt(METRIC_NAME, text, i);
  if (metric !== undefined) {
    i += metric.length;
  }
  const afterName = i;
  i = skipSpace(text, i);
  const matchers: LabelMatcher[] = [];
  if (text[i] !== '{') {
    if (metric === undefined) {
      throw new PromqlSyntaxError('expected a metric name or "{"', i);
    }
    return { selector: { metric, matchers }, end: afterName };
  }
  i += 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] === '}') {
      i += 1;
      break;
    }
    const name = matchAt(LABEL_NAME, text, i);
    if (name === undefined) {
      throw new PromqlSyntaxError('expected a label name', i);
    }
    i = skipSpace(text, i + name.length);
    const at = i;
    const op = OPERATORS.find(candidate => text.startsWith(candidate, at));
    if (!op) {
      throw new PromqlSyntaxError(
        `expected one of =, !=, =~, !~ after label "${name}"`,
        i,
      );
    }
    i = skipSpace(text, i + op.length);
    const { value, end } = unquotePromqlString(text, i);
    matchers.push({ name, op, value });
    i = skipSpace(text, end);
    if (text[i] === ',') {
      i += 1;
    } else if (text[i] !== '}') {
      throw new PromqlSyntaxError('expected "," or "}"', i);
    }
  }
  if (metric === undefined && matchers.length === 0) {
    throw new PromqlSyntaxError(
      'a selector needs a metric name or a matcher',
      i,
    );
  }
  return {
    selector: metric === undefined ? { matchers } : { metric, matchers },
    end: i,
  };
}

/**
 * Parses a query that is exactly one vector selector, e.g.
 * `http_requests_total{service="checkout-api",code=~"5.."}`.
 *
 * @throws {@link PromqlSyntaxError} when the query is anything else
 * (functions, operators, ranges, offsets).
 */
export function parseVectorSelector(query: string): VectorSelector {
  const { selector, end } = scanVectorSelector(query, 0);
  const rest = skipSpace(query, end);
  if (rest < query.length) {
    throw new PromqlSyntaxError(
      'expected the end of the selector; only a series selector such as http_requests_total{service="x"} can be measured as a counter',
      rest,
    );
  }
  return selector;
}
