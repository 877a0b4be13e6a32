import {
  type OnCallLoadMeasure,
  type ReliabilityReportResponse,
  REPORT_SERVICE_LIST_LIMIT,
  type ReportDeltas,
  type ReportPeriod,
  type ReportSloSummary,
  type ReportTrendPoint,
} from '@preflight/plugin-reliability-common';
import { alertQualityOfFigures } from '../metrics/alertQuality';
import {
  changeFailureRateOf,
  changeFailureRateOfFigures,
} from '../metrics/changeFailureRate';
import type { RotationDailyRow } from '../metrics/dailyRowTypes';
import { metricDelta, servicesThatMovedMost } from '../metrics/deltas';
import { incidentMeasuresOfFigures } from '../metrics/incidentMeasures';
import { onCallLoadFromDailyRows } from '../metrics/onCallLoad';
import { monthPeriod } from '../metrics/reportPeriod';
import {
  emptyServiceSums,
  type PeriodFigures,
  type ServicePeriodSums,
} from '../metrics/periodFigures';
import { lastDayOf } from '../metrics/selectDailyRows';
import { boundedChangeFailure } from './boundedLists';
import { NO_SLO_SECTION } from '../slo/buildSloSection';

/** Months in the report's trend. */
export const TREND_MONTHS = 12;

/**
 * The twelve calendar months ending with the month of the period's last
 * day, oldest first.
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

// A report asks for the loads of the same rows fourteen times (the period,
// the one before, twelve trend months): the rows are split by rotation once,
// so each rotation's load reads its own rows, not every rotation's.
const rowsByRotation = new WeakMap<
  readonly RotationDailyRow[],
  Map<string, RotationDailyRow[]>
>();

function byRotation(
  rows: readonly RotationDailyRow[],
): Map<string, RotationDailyRow[]> {
  let split = rowsByRotation.get(rows);
  if (!split) {
    split = new Map();
    for (const row of rows) {
      const own = split.get(row.rotationId);
      if (own) own.push(row);
      else split.set(row.rotationId, [row]);
    }
    rowsByRotation.set(rows, split);
  }
  return split;
}

/** The rotations' load, most pages first. */
export function rotationLoads(
  rotationIds: readonly string[],
  rows: readonly RotationDailyRow[],
  period: ReportPeriod,
): OnCallLoadMeasure[] {
  const split = byRotation(rows);
  return rotationIds
    .map(id => onCallLoadFromDailyRows(id, split.get(id) ?? [], period))
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

/**
 * One figure per service of either period. Counts are 0 for a service
 * without rows (it had no incidents: a real change from 3 to 0); means are
 * null (no figure to compare).
 */
function figures(
  sums: Map<string, ServicePeriodSums>,
  ids: Iterable<string>,
  figure: (sum: ServicePeriodSums | undefined) => number | null,
): Map<string, number | null> {
  return new Map([...ids].map(id => [id, figure(sums.get(id))]));
}

function moversOf(current: PeriodFigures, previous: PeriodFigures) {
  const byId = (list: ServicePeriodSums[]) =>
    new Map(list.map(sums => [sums.serviceId, sums]));
  const now = byId(current.services);
  const before = byId(previous.services);
  const ids = new Set([...now.keys(), ...before.keys()]);
  const incidents = (sum?: ServicePeriodSums) => (sum ? sum.high + sum.low : 0);
  const noise = (sum?: ServicePeriodSums) => sum?.noise ?? 0;
  const mttr = (sum?: ServicePeriodSums) =>
    sum && sum.resolveCount > 0
      ? sum.resolveSumMs / sum.resolveCount / 1000
      : null;
  const moved = (figure: (sum?: ServicePeriodSums) => number | null) =>
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

/** Everything of a report but what the caller knows (scope, freshness). */
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

/**
 * Adds a report up from the period's and the previous period's figures
 * (see `periodFiguresOf`), the trend months' totals and the rotations'
 * daily rows. Services in `serviceIds` without figures count as having
 * nothing (no change data, no incidents).
 */
export function assembleReport(input: {
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  serviceIds: readonly string[];
  rotationIds: readonly string[];
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Totals over the services by month `YYYY-MM`; months without rows absent. */
  months: ReadonlyMap<string, ServicePeriodSums>;
  rotationRows: readonly RotationDailyRow[];
  changeWindowMinutes: number;
  slos?: ReportSloSummary;
}): AssembledReport {
  const { period, previousPeriod, serviceIds, rotationIds } = input;
  const { current, previous } = input;

  const incidents = incidentMeasuresOfFigures(current);
  const previousIncidents = incidentMeasuresOfFigures(previous);
  const changeFailure = changeFailureRateOfFigures(
    current,
    serviceIds,
    input.changeWindowMinutes,
  );
  const previousChangeFailure = changeFailureRateOfFigures(
    previous,
    serviceIds,
    input.changeWindowMinutes,
  );
  const alertQuality = alertQualityOfFigures(current);
  const previousAlertQuality = alertQualityOfFigures(previous);
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
    const total =
      input.months.get(month.startDate.slice(0, 7)) ?? emptyServiceSums('');
    // The month's totals stand as one service: means and shares are ratios
    // of the sums, as over every service.
    const monthFigures: PeriodFigures = {
      services: [total],
      ackHistogram: [],
      resolveHistogram: [],
      longest: null,
    };
    const measures = incidentMeasuresOfFigures(monthFigures);
    const quality = alertQualityOfFigures(monthFigures);
    const failure = changeFailureRateOf(total.changes, total.failedChanges);
    const load = pageTotals(
      rotationLoads(rotationIds, input.rotationRows, month),
    );
    return {
      month: month.startDate.slice(0, 7),
      incidents: measures.total,
      highUrgency: measures.byUrgency.high,
      mttaMeanSeconds: measures.mtta.meanSeconds,
      mttrMeanSeconds: measures.mttr.meanSeconds,
      changeFailureRate: failure.rate,
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
    slos: input.slos ?? NO_SLO_SECTION,
    deltas,
    movers,
    trend,
  };
}
