import { PromqlSyntaxError } from './PromqlSyntaxError';

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

const HEX_ESCAPE_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Reads the string literal starting at `start` ("…", '…' or `…`) the way
 * PromQL does (Go escape rules; raw strings without escapes) and returns its
 * value and the offset just after the closing quote.
 */
export function unquotePromqlString(
  text: string,
  start: number,
): { value: string; end: number } {
  const quote = text[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    throw new PromqlSyntaxError('expected a quoted string', start);
  }
  if (quote === '`') {
    const close = text.indexOf('`', start + 1);
    if (close === -1) {
      throw new PromqlSyntaxError('unterminated raw string', start);
    }
    return { value: text.slice(start + 1, close), end: close + 1 };
  }

  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === quote) {
      return { value, end: i + 1 };
    }
    if (char === '\n') {
      break;
    }
    if (char !== '\\') {
      value += char;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) {
      break;
    }
    if (next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      i += 2;
    } else if (next === quote) {
      value += quote;
      i += 2;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const digits = HEX_ESCAPE_DIGITS[next];
      const hex = text.slice(i + 2, i + 2 + digits);
      if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(hex)) {
        throw new PromqlSyntaxError(`invalid \\${next} escape`, i);
      }
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new PromqlSyntaxError(`invalid \\${next} escape`, i);
      }
      value += String.fromCodePoint(code);
      i += 2 + digits;
    } else if (/[0-7]/.test(next)) {
      const octal = text.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(octal) || parseInt(octal, 8) > 255) {
        throw new PromqlSyntaxError('invalid octal escape', i);
      }
      value += String.fromCharCode(parseInt(octal, 8));
      i += 4;
    } else {
      throw new PromqlSyntaxError(`unknown escape sequence \\${next}`, i);
    }
  }
  throw new PromqlSyntaxError('unterminated quoted string', start);
}
