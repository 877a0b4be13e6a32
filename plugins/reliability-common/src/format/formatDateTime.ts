/**
 * Formats an instant as an absolute date and time with its zone, e.g.
 * `Mon, Mar 3, 09:00 UTC`: the one date format of the product, on cards
 * and in check messages alike. Cards pass no zone (the reader's own);
 * messages stored by the backend pass `timeZone: 'UTC'`. A value that is
 * not an instant reads "unknown time".
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
  return dateTimeFormat(options.locale, options.timeZone).format(date);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one,
// and check messages format dates of thousands of entities per evaluation.
const formats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(
  locale: string | undefined,
  timeZone: string | undefined,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}\u0000${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      // 24-hour clock everywhere: on-call handoffs read unambiguously.
      hourCycle: 'h23',
      timeZoneName: 'short',
      timeZone,
    });
    formats.set(key, format);
  }
  return format;
}
