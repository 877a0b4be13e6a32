import type {
  ReportSloFigures,
  ReportSloMeasure,
  ReportSloSummary,
  ReportSloTrendPoint,
} from '@preflight/plugin-reliability-common';
import { metricDelta } from '../metrics/deltas';
import type { SloMonthRow, SloPeriodRow } from './SloHistoryStore';

/** SLOs a report lists by name; the figures cover every SLO in scope. */
export const SLO_LIST_LIMIT = 100;

const NO_FIGURES: ReportSloFigures = {
  slos: 0,
  meetingObjective: 0,
  meanAttainment: null,
  minAttainment: null,
  meanBudgetConsumed: null,
  pageAlertSeconds: null,
};

/** The SLO section of a scope without any SLO history. */
export const NO_SLO_SECTION: ReportSloSummary = {
  total: 0,
  meetingObjective: 0,
  budgetExhausted: 0,
  pageAlertSeconds: 0,
  period: NO_FIGURES,
  previousPeriod: NO_FIGURES,
  deltas: {
    meetingObjective: metricDelta(null, null, 'higher'),
    meanAttainment: metricDelta(null, null, 'higher'),
    minAttainment: metricDelta(null, null, 'higher'),
    meanBudgetConsumed: metricDelta(null, null, 'lower'),
    pageAlertSeconds: metricDelta(null, null, 'lower'),
  },
  trend: [],
  historyStartsOn: null,
  demoData: false,
  slos: [],
  listLimit: SLO_LIST_LIMIT,
};

const meets = (row: { attainment: number | null; objective: number }) =>
  row.attainment === null ? null : row.attainment >= row.objective;

/** The figures of a set of SLOs over one period, from their period rows. */
export function sloFigures(rows: readonly SloPeriodRow[]): ReportSloFigures {
  if (rows.length === 0) {
    return NO_FIGURES;
  }
  const attained = rows
    .map(row => row.attainment)
    .filter((v): v is number => v !== null);
  const consumed = rows
    .map(row => row.budgetConsumed)
    .filter((v): v is number => v !== null);
  return {
    slos: rows.length,
    meetingObjective: rows.filter(row => meets(row) === true).length,
    meanAttainment:
      attained.length > 0
        ? attained.reduce((a, b) => a + b, 0) / attained.length
        : null,
    minAttainment: attained.length > 0 ? Math.min(...attained) : null,
    meanBudgetConsumed:
      consumed.length > 0
        ? consumed.reduce((a, b) => a + b, 0) / consumed.length
        : null,
    pageAlertSeconds: rows.reduce((sum, row) => sum + row.pageAlertSeconds, 0),
  };
}

/** A trend month's figures from the database's monthly sums. */
export function monthFigures(
  month: string,
  row: SloMonthRow | undefined,
): ReportSloTrendPoint {
  if (!row || row.slos === 0) {
    return { month, ...NO_FIGURES };
  }
  return {
    month,
    slos: row.slos,
    meetingObjective: row.meetingObjective,
    meanAttainment:
      row.attainmentCount > 0 ? row.attainmentSum / row.attainmentCount : null,
    minAttainment: row.attainmentMin,
    meanBudgetConsumed:
      row.budgetConsumedCount > 0
        ? row.budgetConsumedSum / row.budgetConsumedCount
        : null,
    pageAlertSeconds: row.pageAlertSeconds,
  };
}

const key = (row: { entityRef: string; sloId: string }) =>
  `${row.entityRef}\u0000${row.sloId}`;

/**
 * The report's SLO section: per SLO its state at the period's end (least
 * budget left first, SLOs without data last), the scope's figures now and
 * in the previous period with their deltas, and the monthly trend.
 */
export function buildSloSection(input: {
  current: readonly SloPeriodRow[];
  previous: readonly SloPeriodRow[];
  /** `YYYY-MM` of the trend's months, oldest first. */
  trendMonths: readonly string[];
  months: readonly SloMonthRow[];
  historyStartsOn: string | null;
  listLimit?: number;
}): ReportSloSummary {
  const listLimit = input.listLimit ?? SLO_LIST_LIMIT;
  const current = sloFigures(input.current);
  const previous = sloFigures(input.previous);
  const previousByKey = new Map(input.previous.map(row => [key(row), row]));
  const measures: ReportSloMeasure[] = input.current.map(row => {
    const before = previousByKey.get(key(row));
    return {
      entityRef: row.entityRef,
      sloId: row.sloId,
      sloName: row.sloName,
      objective: row.objective,
      attainment: row.attainment,
      meetsObjective: meets(row),
      budgetLeft: row.budgetRemaining,
      budgetConsumed: row.budgetConsumed,
      pageAlertSeconds: row.pageAlertSeconds,
      daysWithData: row.days,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      previousAttainment: before?.attainment ?? null,
      previousBudgetLeft: before?.budgetRemaining ?? null,
    };
  });
  measures.sort(
    (a, b) =>
      (a.budgetLeft ?? Infinity) - (b.budgetLeft ?? Infinity) ||
      a.entityRef.localeCompare(b.entityRef) ||
      a.sloId.localeCompare(b.sloId),
  );
  const months = new Map(input.months.map(row => [row.month, row]));
  const hasData = current.slos > 0;
  return {
    total: current.slos,
    meetingObjective: current.meetingObjective,
    budgetExhausted: input.current.filter(
      row => row.budgetRemaining !== null && row.budgetRemaining <= 0,
    ).length,
    pageAlertSeconds: current.pageAlertSeconds ?? 0,
    period: current,
    previousPeriod: previous,
    deltas: {
      // A count of SLOs only compares when both periods had SLO data.
      meetingObjective: metricDelta(
        hasData ? current.meetingObjective : null,
        previous.slos > 0 ? previous.meetingObjective : null,
        'higher',
      ),
      meanAttainment: metricDelta(
        current.meanAttainment,
        previous.meanAttainment,
        'higher',
      ),
      minAttainment: metricDelta(
        current.minAttainment,
        previous.minAttainment,
        'higher',
      ),
      meanBudgetConsumed: metricDelta(
        current.meanBudgetConsumed,
        previous.meanBudgetConsumed,
        'lower',
      ),
      pageAlertSeconds: metricDelta(
        current.pageAlertSeconds,
        previous.pageAlertSeconds,
        'lower',
      ),
    },
    trend: input.trendMonths.map(month =>
      monthFigures(month, months.get(month)),
    ),
    historyStartsOn: input.historyStartsOn,
    demoData: input.current.some(row => row.demo),
    slos: measures.slice(0, listLimit),
    listLimit,
  };
}
