/**
 * Label values Preflight itself splices into PromQL (grouped `=~` matchers,
 * `slo` / `service` selectors of generated rules): letters, digits and
 * `_ . : # / -`, at most 128 characters, starting with a letter or digit.
 * Strict on purpose: such values are also shown in URLs, YAML and rule
 * names, and every real service or SLO name fits. Values outside it are
 * never rejected silently: batching evaluates that SLO alone, rule export
 * reports a problem.
 */
export const SAFE_LABEL_VALUE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,127}$/;

/** Whether a label value may be spliced into PromQL by Preflight. */
export function isSafeLabelValue(value: string): boolean {
  return SAFE_LABEL_VALUE_PATTERN.test(value);
}

/**
 * Describes why a value may not be spliced into PromQL, or returns
 * `undefined` when it may. The value is shown JSON-quoted so control
 * characters stay visible.
 */
export function describeUnsafeLabelValue(
  value: string,
  what: string,
): string | undefined {
  if (isSafeLabelValue(value)) {
    return undefined;
  }
  return `${what} ${JSON.stringify(
    value.length > 80 ? `${value.slice(0, 80)}…` : value,
  )} cannot be used in a PromQL label matcher: use at most 128 letters, digits and "_", ".", ":", "#", "/", "-", starting with a letter or digit`;
}
