/**
 * Seconds to wait according to a `Retry-After` header, which is either a
 * number of seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function retryAfterSeconds(
  header: string | null | undefined,
  now: Date,
): number | undefined {
  if (!header) {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
