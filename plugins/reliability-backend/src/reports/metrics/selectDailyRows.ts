import { InputError } from '@backstage/errors';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import { addLocalDays, formatLocalDate, parseLocalDate } from './zonedTime';

/**
 * The rows of the period's days: `startDate <= day < endDate`.
 *
 * Rows are whole local days in the zone they were folded in, so they can
 * only make up periods whose day boundaries are in that zone.
 * @throws InputError when a row was folded in another zone than the period's.
 */
export function selectDailyRows<T extends { day: string; timeZone: string }>(
  rows: readonly T[],
  period: ReportPeriod,
): T[] {
  const selected: T[] = [];
  for (const row of rows) {
    if (row.timeZone !== period.timeZone) {
      throw new InputError(
        `Daily row of ${row.day} was folded in ${row.timeZone} and cannot make up a report period in ${period.timeZone}`,
      );
    }
    // YYYY-MM-DD strings order like the dates they name.
    if (row.day >= period.startDate && row.day < period.endDate) {
      selected.push(row);
    }
  }
  return selected;
}

/**
 * The period's last local day, `YYYY-MM-DD`.
 */
export function lastDayOf(period: ReportPeriod): string {
  return formatLocalDate(
    addLocalDays(parseLocalDate(period.endDate, 'Report period: endDate'), -1),
  );
}
