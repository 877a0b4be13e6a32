import { isNoiseIncident } from './alertQuality';
import {
  DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
  failedChangeIds,
  timedChanges,
} from './changeFailureRate';
import type { DurationSummary, ServiceDailyRow } from './dailyRowTypes';
import { histogramOf } from './durationHistogram';
import { longestOf } from './longestIncident';
import { incidentTiming, isOpenAt } from './incidentTiming';
import type { ChangeEventFact, ReportIncident } from './types';
import { localDayWindow } from './localDayWindow';

/** Input of {@link foldServiceDay}. */
export interface FoldServiceDayInput {
  serviceId: string;
  /** The local day, `YYYY-MM-DD`. */
  day: string;
  /** The zone of the day; reports read rows of one zone only. */
  timeZone: string;
  /**
   * The service's incidents: at least those created from the day's start to
   * its end plus the change window, and older ones still open at its end.
   * Others, and other services' incidents, are ignored.
   */
  incidents: readonly ReportIncident[];
  /**
   * The service's change events: at least those from the day's start to its
   * end plus the change window (a later change takes the blame for an
   * incident from an earlier one).
   */
  changes: readonly ChangeEventFact[];
  changeWindowMinutes?: number;
  transientMinutes?: number;
}

function summarize(durationsMs: number[]): DurationSummary {
  return {
    count: durationsMs.length,
    sumMs: durationsMs.reduce((sum, ms) => sum + ms, 0),
    histogram: histogramOf(durationsMs),
  };
}

/**
 * Folds one service's day into a compact row from which every report
 * measure of any run of whole days can be added up without reading
 * incidents again (see the `...FromDailyRows` functions).
 *
 * A row reflects what was known when it was folded: rebuild a day's row when
 * one of its incidents is acknowledged or resolved later, or when the
 * change window or transient threshold changes.
 * @throws InputError on a malformed day or an unknown zone.
 */
export function foldServiceDay(input: FoldServiceDayInput): ServiceDailyRow {
  const { day, window } = localDayWindow(input.day, input.timeZone);
  const dayStart = window.start;
  const dayEnd = window.end;

  const ofService = input.incidents.filter(
    incident => incident.serviceId === input.serviceId,
  );
  let high = 0;
  let low = 0;
  let unacknowledged = 0;
  let unresolved = 0;
  let noise = 0;
  let openAtDayEnd = 0;
  let longest: ServiceDailyRow['longest'] = null;
  const ackMs: number[] = [];
  const resolveMs: number[] = [];
  for (const incident of ofService) {
    const timing = incidentTiming(incident);
    if (!timing) {
      continue;
    }
    if (isOpenAt(timing, dayEnd)) {
      openAtDayEnd += 1;
    }
    if (timing.createdMs < dayStart || timing.createdMs >= dayEnd) {
      continue;
    }
    if (incident.urgency === 'high') high += 1;
    else low += 1;
    if (!timing.acknowledged) unacknowledged += 1;
    if (!timing.resolved) unresolved += 1;
    if (timing.ackMs !== null) ackMs.push(timing.ackMs);
    if (timing.resolveMs !== null) {
      resolveMs.push(timing.resolveMs);
      longest = longestOf(
        { incidentId: incident.id, durationMs: timing.resolveMs },
        longest,
      );
    }
    if (isNoiseIncident(incident, timing, input.transientMinutes)) noise += 1;
  }

  const changes = timedChanges(input.changes).filter(
    change => change.serviceId === input.serviceId,
  );
  const failed = failedChangeIds(
    changes,
    ofService,
    input.changeWindowMinutes ?? DEFAULT_CHANGE_FAILURE_WINDOW_MINUTES,
  );
  const ofDay = changes.filter(
    change => change.atMs >= dayStart && change.atMs < dayEnd,
  );

  return {
    serviceId: input.serviceId,
    day,
    timeZone: input.timeZone,
    high,
    low,
    ack: summarize(ackMs),
    unacknowledged,
    resolve: summarize(resolveMs),
    unresolved,
    openAtDayEnd,
    longest,
    noise,
    changes: ofDay.length,
    failedChanges: ofDay.filter(change => failed.has(change.id)).length,
  };
}

/**
 * True when a row holds nothing: storage may skip it, and reports read a
 * missing row as this one.
 */
export function isEmptyServiceDailyRow(row: ServiceDailyRow): boolean {
  return row.high + row.low + row.openAtDayEnd + row.changes === 0;
}
