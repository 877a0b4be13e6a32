import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import type { ServiceDailyRow } from './dailyRowTypes';
import { type DurationHistogram, mergeHistograms } from './durationHistogram';
import { longestOf } from './longestIncident';
import { lastDayOf, selectDailyRows } from './selectDailyRows';

/**
 * One service's daily rows of a period added up. Every field is a whole
 * number (durations in whole milliseconds), so the sums are the same in
 * whatever order, and wherever (in the process or in SQL), they are made.
 */
export interface ServicePeriodSums {
  serviceId: string;
  high: number;
  low: number;
  unacknowledged: number;
  unresolved: number;
  /** The row of the period's last day: open at the period's end. */
  openAtEnd: number;
  noise: number;
  changes: number;
  failedChanges: number;
  ackCount: number;
  ackSumMs: number;
  resolveCount: number;
  resolveSumMs: number;
}

/**
 * What the report's measures need of a period's service rows: the sums per
 * service, the merged duration histograms (percentiles cannot be added up,
 * the bucket counts can) and the longest incident.
 */
export interface PeriodFigures {
  /** Services with at least one row in the period, by id. */
  services: ServicePeriodSums[];
  ackHistogram: DurationHistogram;
  resolveHistogram: DurationHistogram;
  longest: { incidentId: string; serviceId: string; durationMs: number } | null;
}

/** A service's sums before any row is added. */
export function emptyServiceSums(serviceId: string): ServicePeriodSums {
  return {
    serviceId,
    high: 0,
    low: 0,
    unacknowledged: 0,
    unresolved: 0,
    openAtEnd: 0,
    noise: 0,
    changes: 0,
    failedChanges: 0,
    ackCount: 0,
    ackSumMs: 0,
    resolveCount: 0,
    resolveSumMs: 0,
  };
}

/**
 * The period's figures from daily rows, in the process: the reference the
 * store's SQL sums are held to (see `DatabaseReportStore.readPeriodFigures`).
 * @throws InputError when rows were folded in another zone than the period's.
 */
export function periodFiguresOf(
  rows: readonly ServiceDailyRow[],
  period: ReportPeriod,
): PeriodFigures {
  const selected = selectDailyRows(rows, period);
  const lastDay = lastDayOf(period);
  const byService = new Map<string, ServicePeriodSums>();
  let longest: PeriodFigures['longest'] = null;
  for (const row of selected) {
    const sums =
      byService.get(row.serviceId) ?? emptyServiceSums(row.serviceId);
    byService.set(row.serviceId, sums);
    sums.high += row.high;
    sums.low += row.low;
    sums.unacknowledged += row.unacknowledged;
    sums.unresolved += row.unresolved;
    if (row.day === lastDay) sums.openAtEnd += row.openAtDayEnd;
    sums.noise += row.noise;
    sums.changes += row.changes;
    sums.failedChanges += row.failedChanges;
    sums.ackCount += row.ack.count;
    sums.ackSumMs += row.ack.sumMs;
    sums.resolveCount += row.resolve.count;
    sums.resolveSumMs += row.resolve.sumMs;
    if (row.longest) {
      longest = longestOf(
        { ...row.longest, serviceId: row.serviceId },
        longest,
      );
    }
  }
  return {
    services: [...byService.values()].sort((a, b) =>
      a.serviceId < b.serviceId ? -1 : Number(a.serviceId > b.serviceId),
    ),
    ackHistogram: mergeHistograms(selected.map(row => row.ack.histogram)),
    resolveHistogram: mergeHistograms(
      selected.map(row => row.resolve.histogram),
    ),
    longest,
  };
}

/**
 * Every service's sums added into one (for the scope's totals, e.g. a
 * trend month).
 */
export function totalOf(
  services: readonly ServicePeriodSums[],
  serviceId = '',
): ServicePeriodSums {
  const total = emptyServiceSums(serviceId);
  for (const sums of services) {
    for (const key of Object.keys(total) as Array<keyof ServicePeriodSums>) {
      if (key !== 'serviceId') total[key] += sums[key];
    }
  }
  return total;
}
