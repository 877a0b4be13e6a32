import { PromqlSyntaxError } from './PromqlSyntaxError';
import { unquotePromqlString } from './unquotePromqlString';

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * Checks that brackets of a PromQL expression written by a user balance
 * (outside strings and `#` comments) before Preflight wraps it in
 * `sum(…)`: an unbalanced expression could close the wrapper early and make
 * the query mean something else.
 *
 * @throws {@link PromqlSyntaxError} naming the first unbalanced bracket.
 */
export function assertBalancedPromql(expression: string): void {
  const open: Array<{ char: string; position: number }> = [];
  let i = 0;
  while (i < expression.length) {
    const char = expression[i];
    if (char === '"' || char === "'" || char === '`') {
      i = unquotePromqlString(expression, i).end;
      continue;
    }
    if (char === '#') {
      const newline = expression.indexOf('\n', i);
      i = newline === -1 ? expression.length : newline + 1;
      continue;
    }
    if (char in CLOSING) {
      open.push({ char, position: i });
    } else if (char === ')' || char === ']' || char === '}') {
      const last = open.pop();
      if (!last || CLOSING[last.char] !== char) {
        throw new PromqlSyntaxError(`unbalanced "${char}"`, i);
      }
    }
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed) {
    throw new PromqlSyntaxError(
      `"${unclosed.char}" is never closed`,
      unclosed.position,
    );
  }
}
