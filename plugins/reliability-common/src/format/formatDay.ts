const dayFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * Formats a calendar day (`YYYY-MM-DD`, UTC) as `Jun 30, 2025`. Days are
 * UTC days in Preflight (exemption expiry, history), so they are shown in
 * UTC, never shifted into the reader's zone. Anything else is shown as is.
 * @public
 */
export function formatDay(day: string): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(time)
    ? dayFormat.format(new Date(time))
    : day;
}
