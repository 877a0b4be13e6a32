import type {
  FactFreshness,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import type { ReportFacts } from '@preflight/plugin-reliability-node';
import { alertQualityFromDailyRows } from '../reports/metrics/alertQuality';
import { changeFailureRateFromDailyRows } from '../reports/metrics/changeFailureRate';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../reports/metrics/dailyRowTypes';
import { onCallLoadFromDailyRows } from '../reports/metrics/onCallLoad';
import { lastWholeDaysPeriod } from '../reports/metrics/reportPeriod';
import type {
  ReportStore,
  ReportSyncState,
} from '../reports/store/ReportStore';

/** Days of report figures scorecards judge: four whole weeks, as the on-call health card. */
export const REPORT_FACT_DAYS = 28;

/** Where {@link readReportFacts} reads from. */
export interface ReportFactSources {
  store: Pick<
    ReportStore,
    | 'readServiceDays'
    | 'readRotationDays'
    | 'listReportSyncStates'
    | 'readDayDigests'
  >;
  /** `reliability.reports.timeZone`: the zone the daily rows were folded in. */
  timeZone: string;
  /** Report data whose last sync is older than this is stale, ms. */
  staleAfterMs: number;
}

/** An entity's on-call service and the rotation (escalation policy) it pages. */
export interface ReportFactTarget {
  entityRef: string;
  sourceId: string;
  serviceId: string;
  /** Undefined when the service has no escalation policy. */
  rotationId?: string;
}

/** The window scorecards judge at `now`. */
export function reportFactPeriod(now: Date, timeZone: string): ReportPeriod {
  return lastWholeDaysPeriod(now.getTime(), REPORT_FACT_DAYS, timeZone);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

/**
 * Stale when the last sync is older than the threshold, or when its data
 * stops before the period ends: figures would then miss the last days.
 */
export function isReportDataStale(
  state: ReportSyncState,
  period: ReportPeriod,
  staleAfterMs: number,
  now: Date,
): boolean {
  return (
    now.getTime() - state.syncedAt.getTime() > staleAfterMs ||
    state.syncedUntilMs < Date.parse(period.end)
  );
}

function freshnessOf(
  state: ReportSyncState | undefined,
  sourceId: string,
  period: ReportPeriod,
  sources: ReportFactSources,
  now: Date,
): FactFreshness | null {
  if (!state) {
    return null;
  }
  return {
    sourceId,
    asOf: state.syncedAt.toISOString(),
    stale: isReportDataStale(state, period, sources.staleAfterMs, now),
  };
}

/**
 * The report figures of a page of entities over the last
 * {@link REPORT_FACT_DAYS} whole days, summed from the daily rows by the
 * report's own functions so a scorecard and the report agree. Reads in
 * bulk: the sync states once, then per source its services' rows and its
 * rotations' rows (each one indexed query per chunk of ids), whatever the
 * page size. Entities whose service has no rows in the window get no
 * figures: "no report data", never zeros.
 */
export async function readReportFacts(
  sources: ReportFactSources,
  targets: readonly ReportFactTarget[],
  now: Date,
): Promise<Map<string, ReportFacts>> {
  const facts = new Map<string, ReportFacts>();
  if (targets.length === 0) {
    return facts;
  }
  const period = reportFactPeriod(now, sources.timeZone);
  const window = {
    timeZone: sources.timeZone,
    fromDay: period.startDate,
    toDay: period.endDate,
  };
  const bySource = groupBy(targets, target => target.sourceId);
  const [states, ...rows] = await Promise.all([
    sources.store.listReportSyncStates(),
    // Rows carry no source id, so each source is read on its own.
    ...[...bySource].map(async ([sourceId, group]) => {
      const [serviceRows, rotationRows] = await Promise.all([
        sources.store.readServiceDays({
          ...window,
          services: [...new Set(group.map(t => t.serviceId))].map(id => ({
            sourceId,
            id,
          })),
        }),
        sources.store.readRotationDays({
          ...window,
          rotations: [
            ...new Set(
              group.flatMap(t => (t.rotationId ? [t.rotationId] : [])),
            ),
          ].map(id => ({ sourceId, id })),
        }),
      ]);
      return { sourceId, serviceRows, rotationRows };
    }),
  ]);
  const stateOf = new Map(states.map(state => [state.sourceId, state]));

  for (const { sourceId, serviceRows, rotationRows } of rows) {
    const rowsOfService = groupBy<ServiceDailyRow>(
      serviceRows,
      r => r.serviceId,
    );
    const rowsOfRotation = groupBy<RotationDailyRow>(
      rotationRows,
      r => r.rotationId,
    );
    const freshness = freshnessOf(
      stateOf.get(sourceId),
      sourceId,
      period,
      sources,
      now,
    );
    for (const target of bySource.get(sourceId) ?? []) {
      const own = rowsOfService.get(target.serviceId);
      if (!own) {
        continue;
      }
      const [changeFailure] = changeFailureRateFromDailyRows(own, period, [
        target.serviceId,
      ]).services;
      const quality = alertQualityFromDailyRows(own, period);
      const rotation = target.rotationId
        ? rowsOfRotation.get(target.rotationId)
        : undefined;
      const load = rotation
        ? onCallLoadFromDailyRows(target.rotationId!, rotation, period)
        : undefined;
      facts.set(target.entityRef, {
        period,
        windowDays: REPORT_FACT_DAYS,
        freshness,
        changeFailure: {
          status: changeFailure.status,
          changes: changeFailure.changes,
          failedChanges: changeFailure.failedChanges,
          rate: changeFailure.rate,
        },
        alerts: { total: quality.total, noise: quality.noise },
        onCall: load
          ? {
              rotationId: load.rotationId,
              shifts: load.shifts,
              pages: load.pages,
              pagesPerShift: load.pagesPerShift,
              offHoursPages: load.offHoursPages,
            }
          : null,
      });
    }
  }
  return facts;
}
