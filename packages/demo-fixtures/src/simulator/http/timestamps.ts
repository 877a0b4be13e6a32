const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone name the runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * Renders an instant the way PagerDuty does: whole seconds, `Z` in UTC,
 * otherwise local time with its offset (`2015-11-06T11:12:51-05:00`), which
 * is what the live API sends when an account or `time_zone` is not UTC.
 */
export function formatTimestamp(ms: number, timeZone = 'UTC'): string {
  const seconds = Math.floor(ms / 1000) * 1000;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return new Date(seconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(seconds)) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const localAsUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  const offsetMinutes = Math.round((localAsUtc - seconds) / 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(
    parts.hour,
  )}:${pad(parts.minute)}:${pad(parts.second)}${sign}${pad(
    Math.trunc(offsetMinutes / 60),
  )}:${pad(offsetMinutes % 60)}`;
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an ISO-8601 date or date-time query value. Values without an offset
 * are read as UTC (the simulated account's zone). Returns undefined when the
 * value is not a valid timestamp.
 */
export function parseTimestamp(value: string): number | undefined {
  const match = ISO_8601.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const text = value.trim().replace(' ', 'T');
  let withZone: string;
  if (match[4] === undefined) {
    withZone = `${text}T00:00:00Z`;
  } else if (!match[7]) {
    withZone = `${text}Z`;
  } else if (/[+-]\d{4}$/.test(text)) {
    withZone = `${text.slice(0, -2)}:${text.slice(-2)}`;
  } else {
    withZone = text;
  }
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : ms;
}
