// RE2 metacharacters; escaping them makes a value match only itself.
const REGEX_META = /[\\.+*?()|[\]{}^$]/g;

/**
 * Escapes a literal for use inside a PromQL regular expression (RE2), so
 * `payments.v2` matches only itself and not `paymentsXv2`. The result still
 * has to be quoted with {@link quotePromqlString}.
 */
export function escapePromqlRegex(value: string): string {
  return value.replace(REGEX_META, '\\$&');
}

/**
 * A regular expression matching exactly the given values (PromQL anchors
 * `=~` matches at both ends), e.g. `a|b\.c`. Values are sorted and
 * de-duplicated so the same set always gives the same query text.
 */
export function promqlAlternation(values: Iterable<string>): string {
  return [...new Set(values)].sort().map(escapePromqlRegex).join('|');
}
