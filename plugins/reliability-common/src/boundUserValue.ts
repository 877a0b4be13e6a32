/**
 * A user-supplied value (an annotation, a label value, a header) made safe to
 * echo in messages, API answers, stored results and logs: the value itself
 * when it has at most `max` characters, else its first `max` characters
 * followed by `… (N characters)`, N being the full length. Catalog values
 * have no length limit, and a 100 kB annotation echoed in every message
 * would swell responses, stored scorecards and log lines.
 *
 * @example boundUserValue('x'.repeat(100_000)) // 'xxx…x… (100000 characters)'
 * @public
 */
export function boundUserValue(value: string, max = 120): string {
  const limit = Math.max(0, Math.floor(max));
  if (value.length <= limit) {
    return value;
  }
  let end = limit;
  // Never cut a surrogate pair in half: a lone surrogate is not valid UTF-8.
  const last = value.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) {
    end -= 1;
  }
  return `${value.slice(0, end)}… (${value.length} characters)`;
}
