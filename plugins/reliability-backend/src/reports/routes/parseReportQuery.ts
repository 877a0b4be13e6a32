import { InputError } from '@backstage/errors';
import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import { resolveReportPeriod } from '../metrics/reportPeriod';
import {
  addLocalDays,
  assertTimeZone,
  formatLocalDate,
  parseLocalDate,
} from '../metrics/zonedTime';

const FIELDS = ['month', 'from', 'to', 'timeZone'] as const;
// Echoed values are cut to this length in error messages.
const ECHO_LIMIT = 40;

function single(query: Record<string, unknown>, field: string) {
  const value = query[field];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`Report query: ${field} must be given once, as text`);
  }
  if (value.length > ECHO_LIMIT) {
    throw new InputError(
      `Report query: ${field} "${value.slice(0, ECHO_LIMIT)}…" is too long`,
    );
  }
  return value;
}

/**
 * The period a report request asks for: `month=YYYY-MM`, or `from` and
 * `to` (both inclusive local days, `YYYY-MM-DD`), or neither for the last
 * whole calendar month; in `timeZone` (default: the reports' zone). Rows
 * are folded in one zone, so another zone is refused rather than answered
 * with day boundaries that do not match.
 * @throws InputError naming the offending field.
 */
export function parseReportQuery(
  query: Record<string, unknown>,
  options: { now: Date; timeZone: string },
): ReportPeriod {
  const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const field of FIELDS) {
    values[field] = single(query, field);
  }
  const timeZone = values.timeZone ?? options.timeZone;
  assertTimeZone(timeZone, 'Report query: timeZone');
  if (timeZone !== options.timeZone) {
    throw new InputError(
      `Report query: timeZone "${timeZone}" is not available; report data is kept in ${options.timeZone} (reliability.reports.timeZone)`,
    );
  }
  let to: string | undefined;
  if (values.to !== undefined) {
    const last = parseLocalDate(values.to, 'Report query: to');
    if (values.from !== undefined) {
      const first = parseLocalDate(values.from, 'Report query: from');
      if (formatLocalDate(last) < formatLocalDate(first)) {
        throw new InputError(
          `Report query: to (${values.to}) is before from (${values.from}); both are inclusive days`,
        );
      }
    }
    // The API takes the last day; the period arithmetic the day after it.
    to = formatLocalDate(addLocalDays(last, 1));
  }
  return resolveReportPeriod(
    { month: values.month, from: values.from, to, timeZone },
    options.now,
  );
}
