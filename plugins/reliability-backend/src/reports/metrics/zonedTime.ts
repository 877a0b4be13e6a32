import { InputError } from '@backstage/errors';
import {
  addLocalDays,
  isKnownTimeZone,
  type LocalDate,
} from '@preflight/plugin-reliability-common';

// The Intl arithmetic is shared with the SLO calendar windows; what throws
// InputError for request input stays here.
export {
  addLocalDays,
  compareLocalDates,
  formatLocalDate,
  isKnownTimeZone,
  localDateOf,
  localDateTime,
  localDaysBetween,
  startOfLocalDay,
  type LocalDate,
  type LocalDateTime,
} from '@preflight/plugin-reliability-common';

/**
 * Throws an `InputError` naming `field` unless `timeZone` is a known IANA zone.
 */
export function assertTimeZone(timeZone: string, field: string): void {
  if (!isKnownTimeZone(timeZone)) {
    throw new InputError(
      `${field} "${timeZone}" is not a known IANA time zone; write e.g. "UTC" or "Europe/Berlin"`,
    );
  }
}

/**
 * Parses a strict `YYYY-MM-DD` calendar date.
 * @throws InputError naming `field` when the text is not a real date
 * (`2026-02-30` is rejected, not rolled over to March).
 */
export function parseLocalDate(text: string, field: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(
    typeof text === 'string' ? text : '',
  );
  if (match) {
    const date = {
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
    };
    // Date.UTC rolls 2026-02-30 over to March and maps years below 100
    // to the 1900s: a date is real only if it survives the round trip.
    const roundTrip = addLocalDays(date, 0);
    if (
      roundTrip.year === date.year &&
      roundTrip.month === date.month &&
      roundTrip.day === date.day
    ) {
      return date;
    }
  }
  throw new InputError(
    `${field} "${text}" is not a calendar date in the form YYYY-MM-DD`,
  );
}
