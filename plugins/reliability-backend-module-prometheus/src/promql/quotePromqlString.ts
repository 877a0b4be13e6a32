/**
 * Quotes a value as a double-quoted PromQL string literal.
 *
 * PromQL unquotes strings like Go (`strconv.Unquote`), so backslash and
 * double quote are escaped, and line breaks and other control characters
 * are written as escapes: a raw newline would end the string ("unterminated
 * quoted string") and could never be matched. Everything else, including
 * non-ASCII text, is kept as is. The result always parses back to exactly
 * `value`, so no value can close the string and add PromQL of its own.
 */
export function quotePromqlString(value: string): string {
  let quoted = '"';
  for (const char of value) {
    switch (char) {
      case '\\':
        quoted += '\\\\';
        break;
      case '"':
        quoted += '\\"';
        break;
      case '\n':
        quoted += '\\n';
        break;
      case '\r':
        quoted += '\\r';
        break;
      case '\t':
        quoted += '\\t';
        break;
      default: {
        const code = char.codePointAt(0)!;
        if (
          code < 0x20 ||
          code === 0x7f ||
          code === 0x2028 ||
          code === 0x2029
        ) {
          quoted += `\\u${code.toString(16).padStart(4, '0')}`;
        } else {
          quoted += char;
        }
      }
    }
  }
  return `${quoted}"`;
}
