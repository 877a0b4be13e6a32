// `$window` (Preflight, Pyrra style) and `{{.window}}` (Sloth style).
const PLACEHOLDER = /\$window\b|\{\{\s*\.window\s*\}\}/g;

/**
 * Whether a query is a template that names its range with `$window` or
 * `{{.window}}`, e.g. `sum(rate(http_requests_total{code=~"5.."}[$window]))`.
 */
export function hasWindowPlaceholder(query: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return PLACEHOLDER.test(query);
}

/**
 * Replaces every window placeholder with a PromQL duration such as `5m`.
 */
export function fillWindowPlaceholder(query: string, duration: string): string {
  if (!/^[0-9]+[smhdwy]$/.test(duration)) {
    throw new RangeError(`"${duration}" is not a PromQL duration`);
  }
  return query.replace(PLACEHOLDER, duration);
}

/**
 * Whether `text` at `position` starts with a window placeholder; returns its
 * length, or 0.
 */
export function windowPlaceholderLengthAt(
  text: string,
  position: number,
): number {
  const sticky = new RegExp(PLACEHOLDER.source, 'y');
  sticky.lastIndex = position;
  const match = sticky.exec(text);
  return match ? match[0].length : 0;
}
