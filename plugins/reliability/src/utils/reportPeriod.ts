import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import { formatDay } from './formatDay';

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

const monthFormat = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The month `offset` months after `month` (`YYYY-MM`), e.g. `2026-01` and
 * -1 give `2025-12`. Throws on anything that is not a month, so a bad value
 * never reaches the backend as a query.
 */
export function shiftMonth(month: string, offset: number): string {
  const match = MONTH_PATTERN.exec(month);
  const monthNumber = match ? Number(match[2]) : 0;
  if (!match || monthNumber < 1 || monthNumber > 12) {
    throw new TypeError(`Not a month (YYYY-MM): "${month.slice(0, 20)}"`);
  }
  const index = Number(match[1]) * 12 + (monthNumber - 1) + offset;
  const year = Math.floor(index / 12);
  const rest = index - year * 12;
  return `${String(year).padStart(4, '0')}-${String(rest + 1).padStart(
    2,
    '0',
  )}`;
}

/**
 * The last whole calendar month before `now`, in the reader's own zone:
 * the period the backend reports when none is asked for.
 */
export function lastWholeMonth(now: Date): string {
  const current = `${String(now.getFullYear()).padStart(4, '0')}-${String(
    now.getMonth() + 1,
  ).padStart(2, '0')}`;
  return shiftMonth(current, -1);
}

/** `2026-11` as "November 2026". */
export function formatMonth(month: string): string {
  const time = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(time) ? month : monthFormat.format(new Date(time));
}

/** The last local day of a period (its `endDate` is exclusive). */
export function periodLastDay(period: ReportPeriod): string {
  const end = new Date(`${period.endDate}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * A period as a reader names it: "November 2026" for a month,
 * "Nov 3, 2026 – Nov 9, 2026" for a run of days (both inclusive).
 */
export function formatReportPeriod(period: ReportPeriod): string {
  if (period.kind === 'month') {
    return formatMonth(period.startDate.slice(0, 7));
  }
  return `${formatDay(period.startDate)} – ${formatDay(periodLastDay(period))}`;
}
