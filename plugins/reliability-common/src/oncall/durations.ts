/**
 * Small time helpers shared by the on-call and incident arithmetic.
 * Instants are handled as epoch milliseconds internally and travel as
 * ISO-8601 strings, like every timestamp in the API types.
 */

/** Milliseconds in one second. @public */
export const MILLISECONDS_PER_SECOND = 1_000;

/** Milliseconds in one (UTC, 24-hour) day. @public */
export const MILLISECONDS_PER_DAY = 86_400_000;

/**
 * Converts a number of days to milliseconds.
 * @public
 */
export function daysToMilliseconds(days: number): number {
  return days * MILLISECONDS_PER_DAY;
}

/**
 * Parses an ISO-8601 timestamp to epoch milliseconds.
 *
 * @returns `undefined` for `null`, `undefined` or an unparseable value, so
 * callers skip bad source data instead of computing with `NaN`.
 * @public
 */
export function parseInstant(
  value: string | null | undefined,
): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Formats epoch milliseconds as an ISO-8601 UTC timestamp.
 * @public
 */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Seconds elapsed from `from` to `to` (negative when `to` is earlier).
 *
 * @returns `undefined` when either timestamp is missing or unparseable.
 * @public
 */
export function secondsBetween(
  from: string | null | undefined,
  to: string | null | undefined,
): number | undefined {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (start === undefined || end === undefined) {
    return undefined;
  }
  return (end - start) / MILLISECONDS_PER_SECOND;
}
