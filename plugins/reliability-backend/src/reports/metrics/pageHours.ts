import { InputError } from '@backstage/errors';
import { assertTimeZone, isKnownTimeZone, localDateTime } from './zonedTime';

/**
 * When a page is in business hours and when it wakes somebody, in the paged
 * person's own time zone (or `defaultTimeZone`, e.g. the team's, when the
 * source does not know theirs). Times are `HH:MM`, 24-hour.
 */
export interface OnCallHours {
  /** ISO weekdays with business hours: 1 Monday … 7 Sunday. */
  businessDays: number[];
  /** Business hours start (inclusive). */
  businessStart: string;
  /** Business hours end (exclusive); after the start. */
  businessEnd: string;
  /** Sleep hours start (inclusive); may be later than the end (wraps midnight). */
  sleepStart: string;
  /** Sleep hours end (exclusive). */
  sleepEnd: string;
  defaultTimeZone: string;
}

/** Monday to Friday 09:00–18:00, sleep 22:00–07:00, UTC. */
export const DEFAULT_ON_CALL_HOURS: OnCallHours = {
  businessDays: [1, 2, 3, 4, 5],
  businessStart: '09:00',
  businessEnd: '18:00',
  sleepStart: '22:00',
  sleepEnd: '07:00',
  defaultTimeZone: 'UTC',
};

function minutesOf(value: string, field: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) {
    throw new InputError(
      `On-call hours: ${field} "${value}" is not a time of day HH:MM (00:00..23:59)`,
    );
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Checks on-call hours.
 * @throws InputError naming the field that is wrong.
 */
export function validateOnCallHours(hours: OnCallHours): void {
  const start = minutesOf(hours.businessStart, 'businessStart');
  const end = minutesOf(hours.businessEnd, 'businessEnd');
  if (end <= start) {
    throw new InputError(
      `On-call hours: businessEnd (${hours.businessEnd}) must be after businessStart (${hours.businessStart})`,
    );
  }
  const sleepStart = minutesOf(hours.sleepStart, 'sleepStart');
  const sleepEnd = minutesOf(hours.sleepEnd, 'sleepEnd');
  if (sleepStart === sleepEnd) {
    throw new InputError(
      `On-call hours: sleepStart and sleepEnd are both ${hours.sleepStart}; give a span`,
    );
  }
  if (
    !Array.isArray(hours.businessDays) ||
    hours.businessDays.some(day => !Number.isInteger(day) || day < 1 || day > 7)
  ) {
    throw new InputError(
      `On-call hours: businessDays must list ISO weekdays 1 (Monday) to 7 (Sunday), got ${JSON.stringify(
        hours.businessDays,
      )}`,
    );
  }
  assertTimeZone(hours.defaultTimeZone, 'On-call hours: defaultTimeZone');
}

/** Where a page fell in the paged person's day. */
export interface PageTimeClass {
  offHours: boolean;
  sleepHours: boolean;
}

/**
 * Classifies the instant `ms` in `timeZone` (falling back to
 * `hours.defaultTimeZone` when it is missing or unknown, so one person's
 * bad profile does not fail a team's report). Off hours: not a business day,
 * or outside business hours. Sleep hours: within the sleep span, which
 * wraps midnight when its start is after its end. Local wall-clock time is
 * used, so on a DST day 08:30 is 08:30 whichever offset is in force.
 */
export function classifyPageTime(
  ms: number,
  timeZone: string | undefined,
  hours: OnCallHours,
): PageTimeClass {
  const zone =
    timeZone !== undefined && isKnownTimeZone(timeZone)
      ? timeZone
      : hours.defaultTimeZone;
  const local = localDateTime(ms, zone);
  const minute = local.hour * 60 + local.minute;
  const businessStart = minutesOf(hours.businessStart, 'businessStart');
  const businessEnd = minutesOf(hours.businessEnd, 'businessEnd');
  const sleepStart = minutesOf(hours.sleepStart, 'sleepStart');
  const sleepEnd = minutesOf(hours.sleepEnd, 'sleepEnd');
  const inBusiness =
    hours.businessDays.includes(local.weekday) &&
    minute >= businessStart &&
    minute < businessEnd;
  const inSleep =
    sleepStart < sleepEnd
      ? minute >= sleepStart && minute < sleepEnd
      : minute >= sleepStart || minute < sleepEnd;
  return { offHours: !inBusiness, sleepHours: inSleep };
}
