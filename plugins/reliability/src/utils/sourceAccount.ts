/**
 * The account part of a source id, e.g. `pagerduty:default` → `default`.
 * Source ids are `<type>:<account>`; anything else is shown as it is.
 */
export function sourceAccount(
  sourceId: string | undefined,
): string | undefined {
  if (!sourceId) {
    return undefined;
  }
  const separator = sourceId.indexOf(':');
  return separator >= 0 ? sourceId.slice(separator + 1) : sourceId;
}
