/**
 * Calendar-aligned SLO windows (OpenSLO `isRolling: false` with
 * `calendar.startTime` and `calendar.timeZone`): the windows follow each
 * other from the start time, each one duration long on the wall clock of
 * the zone, so a month starts on the same day and time every month
 * whatever DST does in between.
 */
import {
  instantOfWallTime,
  localDateTime,
  type LocalWallTime,
} from '../time/zonedTime';
import {
  parseCalendarWindowDuration,
  type SloDurationParts,
} from './sloDuration';

/** A calendar-aligned window as written in OpenSLO. @public */
export interface CalendarWindowSpec {
  /** Wall-clock start of a window in `timeZone`, `YYYY-MM-DD HH:MM:SS` (or with `T`). */
  startTime: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  /** The window's duration as written, e.g. `1M`. */
  duration: string;
}

/** The calendar window in force at an instant: from `start` (inclusive) to `end` (exclusive). @public */
export interface CalendarWindowBounds {
  start: Date;
  end: Date;
}

const START_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

const MONTHS_PER_UNIT: Partial<Record<SloDurationParts['unit'], number>> = {
  M: 1,
  Q: 3,
  Y: 12,
};
const DAYS_PER_UNIT: Partial<Record<SloDurationParts['unit'], number>> = {
  d: 1,
  w: 7,
};

function parseStartTime(text: string): LocalWallTime {
  const match = START_TIME.exec(text);
  if (!match) {
    throw new RangeError(
      `"${text}" is not a start time like "2024-01-01 00:00:00"`,
    );
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return { year, month, day, hour, minute, second };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The wall-clock start of the `index`-th window after the one starting at
 * `anchor` (negative: before it). Months are counted from the anchor each
 * time, so a window anchored on the 31st starts on the last day of shorter
 * months and on the 31st again after them.
 */
function windowStartWall(
  anchor: LocalWallTime,
  duration: SloDurationParts,
  index: number,
): LocalWallTime {
  const months = MONTHS_PER_UNIT[duration.unit];
  if (months !== undefined) {
    const total = anchor.month - 1 + index * duration.amount * months;
    const year = anchor.year + Math.floor(total / 12);
    const month = (((total % 12) + 12) % 12) + 1;
    return {
      ...anchor,
      year,
      month,
      day: Math.min(anchor.day, daysInMonth(year, month)),
    };
  }
  const days = index * duration.amount * DAYS_PER_UNIT[duration.unit]!;
  // UTC has no DST: day arithmetic on it is exact.
  const shifted = new Date(
    Date.UTC(anchor.year, anchor.month - 1, anchor.day) + days * 86_400_000,
  );
  return {
    ...anchor,
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/**
 * The calendar window in force at `at`: windows follow each other from
 * `startTime` (earlier or later than `at`), each `duration` long on the
 * wall clock of `timeZone`, so a window may be 23 or 25 hours longer or
 * shorter than its nominal length around DST changes.
 *
 * @throws RangeError for a start time, zone or duration that does not read
 * (the OpenSLO parser reports those with their field first).
 * @public
 */
export function calendarWindowAt(
  spec: CalendarWindowSpec,
  at: Date,
): CalendarWindowBounds {
  const anchor = parseStartTime(spec.startTime);
  const duration = parseCalendarWindowDuration(spec.duration);
  const startOf = (index: number) =>
    instantOfWallTime(windowStartWall(anchor, duration, index), spec.timeZone);

  // Estimate the index from the wall-clock distance, then step to the
  // window that holds `at`: the estimate is off by at most one.
  const now = localDateTime(at.getTime(), spec.timeZone);
  const months = MONTHS_PER_UNIT[duration.unit];
  let index: number;
  if (months !== undefined) {
    const elapsedMonths =
      (now.year - anchor.year) * 12 + (now.month - anchor.month);
    index = Math.floor(elapsedMonths / (duration.amount * months));
  } else {
    const elapsedDays = Math.floor(
      (Date.UTC(now.year, now.month - 1, now.day) -
        Date.UTC(anchor.year, anchor.month - 1, anchor.day)) /
        86_400_000,
    );
    index = Math.floor(
      elapsedDays / (duration.amount * DAYS_PER_UNIT[duration.unit]!),
    );
  }
  const ms = at.getTime();
  while (startOf(index) > ms) {
    index -= 1;
  }
  while (startOf(index + 1) <= ms) {
    index += 1;
  }
  return { start: new Date(startOf(index)), end: new Date(startOf(index + 1)) };
}
