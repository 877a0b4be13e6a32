import type {
  ReportPeriod,
  ReportSloSummary,
} from '@preflight/plugin-reliability-common';
import { buildSloSection } from './buildSloSection';
import type { SloHistoryStore } from './SloHistoryStore';

/**
 * The report's SLO section for the given entities, from the daily SLO
 * history: one grouped read per period (one row per SLO) and one for the
 * trend (one row per month), all added up in the database.
 */
export async function readSloSection(options: {
  store: SloHistoryStore;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  trend: readonly ReportPeriod[];
  entityRefs: string[];
}): Promise<ReportSloSummary> {
  const { store, period, previousPeriod, trend, entityRefs } = options;
  const { timeZone } = period;
  const range = (from: string, to: string) => ({
    timeZone,
    fromDay: from,
    toDay: to,
    entityRefs,
  });
  const [current, previous, months, historyStartsOn] = await Promise.all([
    store.summarizeSlos(range(period.startDate, period.endDate)),
    store.summarizeSlos(
      range(previousPeriod.startDate, previousPeriod.endDate),
    ),
    store.summarizeMonths(
      range(trend[0].startDate, trend[trend.length - 1].endDate),
    ),
    store.firstDay(timeZone),
  ]);
  return buildSloSection({
    current,
    previous,
    months,
    trendMonths: trend.map(month => month.startDate.slice(0, 7)),
    historyStartsOn,
  });
}
