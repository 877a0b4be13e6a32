import {
  REPORT_SERVICE_LIST_LIMIT,
  type OnCallLoadMeasure,
  type ReliabilityReportResponse,
  type ReportDeltas,
  type ReportPeriod,
  type ReportSloSummary,
  type ReportTrendPoint,
} from '@preflight/plugin-reliability-common';
import { alertQualityFromDailyRows } from '../metrics/alertQuality';
import { changeFailureRateFromDailyRows } from '../metrics/changeFailureRate';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../metrics/dailyRowTypes';
import { metricDelta, servicesThatMovedMost } from '../metrics/deltas';
import { incidentMeasuresFromDailyRows } from '../metrics/incidentMeasures';
import { onCallLoadFromDailyRows } from '../metrics/onCallLoad';
import { monthPeriod } from '../metrics/reportPeriod';
import { lastDayOf, selectDailyRows } from '../metrics/selectDailyRows';
import { boundedChangeFailure } from './boundedLists';

/** Months in the report's trend. @public */
export const TREND_MONTHS = 12;

/**
 * The twelve calendar months ending with the month of the period's last
 * day, oldest first.
 * @public
 */
export function trendMonths(period: ReportPeriod): ReportPeriod[] {
  const [year, month] = lastDayOf(period).split('-').map(Number);
  const months: ReportPeriod[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(
      monthPeriod(Math.floor(index / 12), (index % 12) + 1, period.timeZone),
    );
  }
  return months;
}

/** The rotations' load, most pages first. @public */
export function rotationLoads(
  rotationIds: readonly string[],
  rows: readonly RotationDailyRow[],
  period: ReportPeriod,
): OnCallLoadMeasure[] {
  return rotationIds
    .map(id => onCallLoadFromDailyRows(id, rows, period))
    .sort(
      (a, b) => b.pages - a.pages || (a.rotationId < b.rotationId ? -1 : 1),
    );
}

function pageTotals(loads: OnCallLoadMeasure[]) {
  const pages = loads.reduce((sum, load) => sum + load.pages, 0);
  const shifts = loads.reduce((sum, load) => sum + load.shifts, 0);
  return {
    pages,
    offHoursPages: loads.reduce((sum, load) => sum + load.offHoursPages, 0),
    sleepHoursPages: loads.reduce((sum, load) => sum + load.sleepHoursPages, 0),
    pagesPerShift: shifts > 0 ? pages / shifts : null,
  };
}

interface ServiceSums {
  incidents: number;
  resolved: number;
  resolveMs: number;
  noise: number;
}

/** Per service sums over the rows. */
function perService(
  rows: readonly ServiceDailyRow[],
): Map<string, ServiceSums> {
  const sums = new Map<string, ServiceSums>();
  for (const row of rows) {
    const sum = sums.get(row.serviceId) ?? {
      incidents: 0,
      resolved: 0,
      resolveMs: 0,
      noise: 0,
    };
    sum.incidents += row.high + row.low;
    sum.resolved += row.resolve.count;
    sum.resolveMs += row.resolve.sumMs;
    sum.noise += row.noise;
    sums.set(row.serviceId, sum);
  }
  return sums;
}

/**
 * One figure per service of either period. Counts are 0 for a service
 * without rows (it had no incidents: a real change from 3 to 0); means are
 * null (no figure to compare).
 */
function figures(
  sums: Map<string, ServiceSums>,
  ids: Iterable<string>,
  figure: (sum: ServiceSums | undefined) => number | null,
): Map<string, number | null> {
  return new Map([...ids].map(id => [id, figure(sums.get(id))]));
}

function moversOf(
  current: readonly ServiceDailyRow[],
  previous: readonly ServiceDailyRow[],
) {
  const now = perService(current);
  const before = perService(previous);
  const ids = new Set([...now.keys(), ...before.keys()]);
  const incidents = (sum?: ServiceSums) => sum?.incidents ?? 0;
  const noise = (sum?: ServiceSums) => sum?.noise ?? 0;
  const mttr = (sum?: ServiceSums) =>
    sum && sum.resolved > 0 ? sum.resolveMs / sum.resolved / 1000 : null;
  const moved = (figure: (sum?: ServiceSums) => number | null) =>
    servicesThatMovedMost(
      figures(now, ids, figure),
      figures(before, ids, figure),
      'lower',
    );
  return {
    incidents: moved(incidents),
    mttrMeanSeconds: moved(mttr),
    noise: moved(noise),
  };
}

/** Everything of a report but what the caller knows (scope, freshness). @public */
export type AssembledReport = Pick<
  ReliabilityReportResponse,
  | 'period'
  | 'previousPeriod'
  | 'incidents'
  | 'previousIncidents'
  | 'changeFailure'
  | 'onCall'
  | 'alertQuality'
  | 'slos'
  | 'deltas'
  | 'movers'
  | 'trend'
>;

const NO_SLOS: ReportSloSummary = {
  total: 0,
  meetingObjective: 0,
  budgetExhausted: 0,
  pageAlertSeconds: 0,
  slos: [],
};

/**
 * Adds a report up from daily rows: the period's measures, the previous
 * period's for the deltas and movers, and the twelve-month trend. Rows
 * outside those spans are ignored; services in `serviceIds` without rows
 * count as having nothing (no change data, no incidents).
 * @public
 */
export function assembleReport(input: {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  serviceIds: readonly string[];
  rotationIds: readonly string[];
  serviceRows: readonly ServiceDailyRow[];
  rotationRows: readonly RotationDailyRow[];
  changeWindowMinutes: number;
  slos?: ReportSloSummary;
}): AssembledReport {
  const { period, previousPeriod, serviceIds, rotationIds } = input;
  const inScope = new Set(serviceIds);
  const serviceRows = input.serviceRows.filter(row =>
    inScope.has(row.serviceId),
  );
  const current = selectDailyRows(serviceRows, period);
  const previous = selectDailyRows(serviceRows, previousPeriod);

  const incidents = incidentMeasuresFromDailyRows(current, period);
  const previousIncidents = incidentMeasuresFromDailyRows(
    previous,
    previousPeriod,
  );
  const changeFailure = changeFailureRateFromDailyRows(
    current,
    period,
    serviceIds,
    input.changeWindowMinutes,
  );
  const previousChangeFailure = changeFailureRateFromDailyRows(
    previous,
    previousPeriod,
    serviceIds,
    input.changeWindowMinutes,
  );
  const alertQuality = alertQualityFromDailyRows(current, period);
  const previousAlertQuality = alertQualityFromDailyRows(
    previous,
    previousPeriod,
  );
  const onCall = rotationLoads(rotationIds, input.rotationRows, period);
  const pages = pageTotals(onCall);
  const previousPages = pageTotals(
    rotationLoads(rotationIds, input.rotationRows, previousPeriod),
  );

  const deltas: ReportDeltas = {
    incidents: metricDelta(incidents.total, previousIncidents.total, 'lower'),
    highUrgency: metricDelta(
      incidents.byUrgency.high,
      previousIncidents.byUrgency.high,
      'lower',
    ),
    mttaMeanSeconds: metricDelta(
      incidents.mtta.meanSeconds,
      previousIncidents.mtta.meanSeconds,
      'lower',
    ),
    mttrMeanSeconds: metricDelta(
      incidents.mttr.meanSeconds,
      previousIncidents.mttr.meanSeconds,
      'lower',
    ),
    mttrP90Seconds: metricDelta(
      incidents.mttr.p90Seconds,
      previousIncidents.mttr.p90Seconds,
      'lower',
    ),
    openAtPeriodEnd: metricDelta(
      incidents.openAtPeriodEnd,
      previousIncidents.openAtPeriodEnd,
      'lower',
    ),
    changeFailureRate: metricDelta(
      changeFailure.overall.rate,
      previousChangeFailure.overall.rate,
      'lower',
    ),
    actionableShare: metricDelta(
      alertQuality.actionableShare,
      previousAlertQuality.actionableShare,
      'higher',
    ),
    pages: metricDelta(pages.pages, previousPages.pages, 'lower'),
    offHoursPages: metricDelta(
      pages.offHoursPages,
      previousPages.offHoursPages,
      'lower',
    ),
    sleepHoursPages: metricDelta(
      pages.sleepHoursPages,
      previousPages.sleepHoursPages,
      'lower',
    ),
    pagesPerShift: metricDelta(
      pages.pagesPerShift,
      previousPages.pagesPerShift,
      'lower',
    ),
  };
  const movers = moversOf(current, previous);

  const trend: ReportTrendPoint[] = trendMonths(period).map(month => {
    const rows = selectDailyRows(serviceRows, month);
    const measures = incidentMeasuresFromDailyRows(rows, month);
    const quality = alertQualityFromDailyRows(rows, month);
    const failure = changeFailureRateFromDailyRows(rows, month, serviceIds);
    const load = pageTotals(
      rotationLoads(rotationIds, input.rotationRows, month),
    );
    return {
      month: month.startDate.slice(0, 7),
      incidents: measures.total,
      highUrgency: measures.byUrgency.high,
      mttaMeanSeconds: measures.mtta.meanSeconds,
      mttrMeanSeconds: measures.mttr.meanSeconds,
      changeFailureRate: failure.overall.rate,
      actionableShare: quality.actionableShare,
      pages: load.pages,
      offHoursPages: load.offHoursPages,
    };
  });

  return {
    period,
    previousPeriod,
    incidents,
    previousIncidents,
    changeFailure: boundedChangeFailure(changeFailure),
    // Totals and deltas are over every rotation; the list is bounded.
    onCall: onCall.slice(0, REPORT_SERVICE_LIST_LIMIT),
    alertQuality,
    slos: input.slos ?? NO_SLOS,
    deltas,
    movers,
    trend,
  };
}
