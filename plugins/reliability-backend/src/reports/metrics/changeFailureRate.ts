import {
  ChangeFailureMeasure,
  ChangeFailureRate,
  IncidentFact,
  parseInstant,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import type { ServiceDailyRow } from './dailyRowTypes';
import { periodBounds } from './reportPeriod';
import { type PeriodFigures, periodFiguresOf } from './periodFigures';
import type { ChangeEventFact } from './types';

/** How long after a change an incident counts against it, by default. */
export const DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES = 60;

/**
 * A change event with its instant, in epoch milliseconds.
 */
export interface TimedChange {
  id: string;
  serviceId: string;
  atMs: number;
}

function byTime(a: TimedChange, b: TimedChange): number {
  return a.atMs - b.atMs || (a.id < b.id ? -1 : Number(a.id > b.id));
}

/**
 * Parses change events, dropping undatable ones and repeated ids (a
 * re-synced page of `/change_events` must not count a change twice).
 */
export function timedChanges(
  changes: readonly ChangeEventFact[],
): TimedChange[] {
  const seen = new Set<string>();
  const timed: TimedChange[] = [];
  for (const change of changes) {
    const atMs = parseInstant(change.timestamp);
    if (atMs !== undefined && !seen.has(change.id)) {
      seen.add(change.id);
      timed.push({ id: change.id, serviceId: change.serviceId, atMs });
    }
  }
  return timed;
}

/**
 * The ids of the changes that failed.
 *
 * Method: every high-urgency incident is blamed on at most one change, the
 * latest change on the same service made at or before the incident was
 * created and no more than `windowMinutes` earlier. A change is failed when
 * at least one incident is blamed on it. Blaming only the latest change
 * keeps one incident after two quick deploys from counting as two failures:
 * the later deploy is the likelier cause, and it is the one to roll back.
 * Low-urgency incidents do not make a change failed.
 */
export function failedChangeIds(
  changes: readonly TimedChange[],
  incidents: readonly IncidentFact[],
  windowMinutes: number = DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
): Set<string> {
  if (!Number.isFinite(windowMinutes) || windowMinutes < 0) {
    throw new RangeError(
      `change failure window must be a non-negative number of minutes, got ${windowMinutes}`,
    );
  }
  const windowMs = windowMinutes * 60_000;
  const byService = new Map<string, TimedChange[]>();
  for (const change of changes) {
    const list = byService.get(change.serviceId) ?? [];
    list.push(change);
    byService.set(change.serviceId, list);
  }
  for (const list of byService.values()) {
    list.sort(byTime);
  }

  const failed = new Set<string>();
  for (const incident of incidents) {
    const createdMs = parseInstant(incident.createdAt);
    const list = byService.get(incident.serviceId);
    if (incident.urgency !== 'high' || createdMs === undefined || !list) {
      continue;
    }
    // Binary search for the last change at or before the incident.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle].atMs <= createdMs) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const latest = list[low - 1];
    if (latest && createdMs - latest.atMs <= windowMs) {
      failed.add(latest.id);
    }
  }
  return failed;
}

/**
 * A rate from counts: `no-change-data` (rate null) without changes, so a
 * service that reports no deploys never shows a perfect 0 %.
 */
export function changeFailureRateOf(
  changes: number,
  failedChanges: number,
): ChangeFailureRate {
  if (changes === 0) {
    return {
      status: 'no-change-data',
      changes: 0,
      failedChanges: 0,
      rate: null,
    };
  }
  return {
    status: 'measured',
    changes,
    failedChanges,
    rate: failedChanges / changes,
  };
}

function measure(
  counts: Map<string, { changes: number; failed: number }>,
  serviceIds: readonly string[],
  windowMinutes: number,
): ChangeFailureMeasure {
  let changes = 0;
  let failed = 0;
  const services = [...new Set(serviceIds)].sort().map(serviceId => {
    const count = counts.get(serviceId) ?? { changes: 0, failed: 0 };
    changes += count.changes;
    failed += count.failed;
    return { serviceId, ...changeFailureRateOf(count.changes, count.failed) };
  });
  return {
    windowMinutes,
    overall: changeFailureRateOf(changes, failed),
    services,
  };
}

/** Input of {@link computeChangeFailureRate}. */
export interface ChangeFailureRateInput {
  /** The services in scope; each gets a row, with or without change data. */
  serviceIds: readonly string[];
  /** Their change events; changes outside the period may be included. */
  changes: readonly ChangeEventFact[];
  /** Their incidents, including those up to `windowMinutes` after the period. */
  incidents: readonly IncidentFact[];
  period: ReportPeriod;
  windowMinutes?: number;
}

/**
 * Change failure rate of each service and overall, for changes made in the
 * period: failed changes (see {@link failedChangeIds}) ÷ changes. An
 * incident shortly after the period still fails a change made in it.
 * Services without a change event in the period are `no-change-data`, and
 * the overall rate is over the services with change data only.
 */
export function computeChangeFailureRate(
  input: ChangeFailureRateInput,
): ChangeFailureMeasure {
  const windowMinutes =
    input.windowMinutes ?? DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES;
  const inScope = new Set(input.serviceIds);
  const changes = timedChanges(input.changes).filter(change =>
    inScope.has(change.serviceId),
  );
  const failed = failedChangeIds(changes, input.incidents, windowMinutes);
  const { start, end } = periodBounds(input.period);
  const counts = new Map<string, { changes: number; failed: number }>();
  for (const change of changes) {
    if (change.atMs >= start && change.atMs < end) {
      const count = counts.get(change.serviceId) ?? { changes: 0, failed: 0 };
      count.changes += 1;
      count.failed += failed.has(change.id) ? 1 : 0;
      counts.set(change.serviceId, count);
    }
  }
  return measure(counts, input.serviceIds, windowMinutes);
}

/**
 * {@link computeChangeFailureRate} from daily rows; exact (the rows were
 * folded with the same method and window, `windowMinutes` only labels the
 * answer). Services in `serviceIds` without rows are `no-change-data`.
 */
export function changeFailureRateFromDailyRows(
  rows: readonly ServiceDailyRow[],
  period: ReportPeriod,
  serviceIds: readonly string[],
  windowMinutes: number = DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
): ChangeFailureMeasure {
  return changeFailureRateOfFigures(
    periodFiguresOf(rows, period),
    serviceIds,
    windowMinutes,
  );
}

/**
 * {@link changeFailureRateFromDailyRows} from a period's figures, however
 * they were added up (see `periodFiguresOf`).
 */
export function changeFailureRateOfFigures(
  figures: PeriodFigures,
  serviceIds: readonly string[],
  windowMinutes: number = DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
): ChangeFailureMeasure {
  const counts = new Map<string, { changes: number; failed: number }>();
  for (const sums of figures.services) {
    counts.set(sums.serviceId, {
      changes: sums.changes,
      failed: sums.failedChanges,
    });
  }
  return measure(counts, serviceIds, windowMinutes);
}
