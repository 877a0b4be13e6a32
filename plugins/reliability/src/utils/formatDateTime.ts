/**
 * Formats an instant as an absolute local date and time with its zone,
 * e.g. `Mon, Mar 3, 09:00 UTC`, for people reading the card across
 * time zones.
 * @public
 */
export function formatDateTime(
  value: Date | string,
  options: { timeZone?: string; locale?: string } = {},
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) {
    return 'unknown time';
  }
  return new Intl.DateTimeFormat(options.locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: options.timeZone,
  }).format(date);
}
