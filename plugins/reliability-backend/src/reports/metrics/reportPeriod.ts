import { InputError } from '@backstage/errors';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import {
  addLocalDays,
  assertTimeZone,
  formatLocalDate,
  LocalDate,
  localDateOf,
  localDaysBetween,
  parseLocalDate,
  startOfLocalDay,
} from './zonedTime';

/** The zone reports use unless told otherwise. */
export const DEFAULT_REPORT_TIME_ZONE = 'UTC';

/** The longest period a report may cover, in calendar days. */
export const MAX_REPORT_PERIOD_DAYS = 366;

/**
 * A period's bounds as epoch milliseconds, `[start, end)`.
 */
export interface PeriodBounds {
  start: number;
  end: number;
}

// A programming error rather than bad input, hence not an InputError.
function assertValidNow(now: Date): void {
  if (!Number.isFinite(now.getTime())) {
    throw new RangeError('Report period: "now" is an invalid date');
  }
}

function buildPeriod(
  kind: ReportPeriod['kind'],
  first: LocalDate,
  afterLast: LocalDate,
  timeZone: string,
): ReportPeriod {
  return {
    kind,
    timeZone,
    startDate: formatLocalDate(first),
    endDate: formatLocalDate(afterLast),
    start: new Date(startOfLocalDay(first, timeZone)).toISOString(),
    end: new Date(startOfLocalDay(afterLast, timeZone)).toISOString(),
  };
}

/**
 * The calendar month `year`-`month` in `timeZone`: from the first instant of
 * its first day to the first instant of the next month's first day, so a
 * month with a DST change is an hour shorter or longer than its days × 24 h.
 * @throws InputError on an unknown zone or a month outside 1..12.
 */
export function monthPeriod(
  year: number,
  month: number,
  timeZone: string = DEFAULT_REPORT_TIME_ZONE,
): ReportPeriod {
  assertTimeZone(timeZone, 'Report period: timeZone');
  if (
    !Number.isInteger(year) ||
    year < 1970 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw new InputError(
      `Report period: month ${year}-${month} is not a calendar month (year 1970..9999, month 1..12)`,
    );
  }
  const first = { year, month, day: 1 };
  const next =
    month === 12
      ? { year: year + 1, month: 1, day: 1 }
      : { year, month: month + 1, day: 1 };
  return buildPeriod('month', first, next, timeZone);
}

/**
 * The last calendar month that has fully ended at `now`, in `timeZone`
 * (UTC by default): on 2026-03-01 00:30 in Berlin that is February, while
 * in UTC, where it is still 28 February, it is January.
 */
export function lastFullMonth(
  now: Date,
  timeZone: string = DEFAULT_REPORT_TIME_ZONE,
): ReportPeriod {
  assertTimeZone(timeZone, 'Report period: timeZone');
  assertValidNow(now);
  const today = localDateOf(now.getTime(), timeZone);
  return today.month === 1
    ? monthPeriod(today.year - 1, 12, timeZone)
    : monthPeriod(today.year, today.month - 1, timeZone);
}

/**
 * Whole local days from `startDate` up to, not including, `endDate`
 * (both `YYYY-MM-DD`) in `timeZone`. Not validated against a clock or a
 * maximum length: see {@link validateReportPeriod}.
 * @throws InputError on a malformed date, an unknown zone, or an end not
 * after the start.
 */
export function dayRangePeriod(
  startDate: string,
  endDate: string,
  timeZone: string = DEFAULT_REPORT_TIME_ZONE,
): ReportPeriod {
  assertTimeZone(timeZone, 'Report period: timeZone');
  const first = parseLocalDate(startDate, 'Report period: from');
  const afterLast = parseLocalDate(endDate, 'Report period: to');
  if (localDaysBetween(first, afterLast) <= 0) {
    throw new InputError(
      `Report period: to (${endDate}) must be after from (${startDate}); "to" is the day after the last day reported`,
    );
  }
  return buildPeriod('days', first, afterLast, timeZone);
}

/**
 * The last `days` whole local days in `timeZone` before the day of `nowMs`
 * (today, still incomplete, is left out).
 */
export function lastWholeDaysPeriod(
  nowMs: number,
  days: number,
  timeZone: string = DEFAULT_REPORT_TIME_ZONE,
): ReportPeriod {
  const today = localDateOf(nowMs, timeZone);
  return dayRangePeriod(
    formatLocalDate(addLocalDays(today, -days)),
    formatLocalDate(today),
    timeZone,
  );
}

/**
 * The period of the same kind just before `period`, to compare with: the
 * previous calendar month for a month, otherwise the same number of days
 * ending where `period` starts.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const first = parseLocalDate(period.startDate, 'Report period: startDate');
  if (period.kind === 'month') {
    return first.month === 1
      ? monthPeriod(first.year - 1, 12, period.timeZone)
      : monthPeriod(first.year, first.month - 1, period.timeZone);
  }
  const afterLast = parseLocalDate(period.endDate, 'Report period: endDate');
  const days = localDaysBetween(first, afterLast);
  return buildPeriod(
    'days',
    addLocalDays(first, -days),
    first,
    period.timeZone,
  );
}

/**
 * The period's instants as epoch milliseconds.
 */
export function periodBounds(period: ReportPeriod): PeriodBounds {
  return { start: Date.parse(period.start), end: Date.parse(period.end) };
}

/**
 * The number of calendar days a period covers.
 */
export function periodDays(period: ReportPeriod): number {
  return localDaysBetween(
    parseLocalDate(period.startDate, 'Report period: startDate'),
    parseLocalDate(period.endDate, 'Report period: endDate'),
  );
}

/**
 * Checks that a period can be reported on at `now`.
 * @throws InputError when the period is inverted or empty, longer than
 * `maxDays` (366 by default) or not over yet at `now` (a report covers
 * complete periods only, so that comparing it with the previous one is fair).
 */
export function validateReportPeriod(
  period: ReportPeriod,
  now: Date,
  maxDays: number = MAX_REPORT_PERIOD_DAYS,
): void {
  assertTimeZone(period.timeZone, 'Report period: timeZone');
  assertValidNow(now);
  const { start, end } = periodBounds(period);
  const days = periodDays(period);
  if (!(end > start) || days <= 0) {
    throw new InputError(
      `Report period ${period.startDate} to ${period.endDate} is inverted or empty: the end must be after the start`,
    );
  }
  if (days > maxDays) {
    throw new InputError(
      `Report period ${period.startDate} to ${period.endDate} spans ${days} days; at most ${maxDays} are allowed`,
    );
  }
  if (end > now.getTime()) {
    throw new InputError(
      `Report period ${period.startDate} to ${period.endDate} (${
        period.timeZone
      }) is not over yet: it ends at ${
        period.end
      }, after now (${now.toISOString()})`,
    );
  }
}

/**
 * What a caller may ask for: a month `YYYY-MM`, or days `from` (first day)
 * and `to` (the day after the last), or nothing for the last full month.
 */
export interface ReportPeriodQuery {
  month?: string;
  from?: string;
  to?: string;
  timeZone?: string;
}

/**
 * Turns a request into a validated period (see {@link validateReportPeriod}).
 * @throws InputError naming the offending field.
 */
export function resolveReportPeriod(
  query: ReportPeriodQuery,
  now: Date,
): ReportPeriod {
  const timeZone = query.timeZone ?? DEFAULT_REPORT_TIME_ZONE;
  let period: ReportPeriod;
  if (query.month !== undefined) {
    if (query.from !== undefined || query.to !== undefined) {
      throw new InputError(
        'Report period: give either month or from/to, not both',
      );
    }
    const match = /^(\d{4})-(\d{2})$/.exec(query.month);
    if (!match) {
      throw new InputError(
        `Report period: month "${query.month}" is not in the form YYYY-MM`,
      );
    }
    period = monthPeriod(Number(match[1]), Number(match[2]), timeZone);
  } else if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined || query.to === undefined) {
      throw new InputError(
        `Report period: ${
          query.from === undefined ? 'from' : 'to'
        } is missing; give both from and to`,
      );
    }
    period = dayRangePeriod(query.from, query.to, timeZone);
  } else {
    period = lastFullMonth(now, timeZone);
  }
  validateReportPeriod(period, now);
  return period;
}
