import type { IncidentStats, OnCallShift, OpenIncident } from '../types';
import {
  daysToMilliseconds,
  parseInstant,
  secondsBetween,
} from '../oncall/durations';
import { shiftInterval } from '../oncall/shiftInterval';
import type { TimeInterval } from '../oncall/mergeIntervals';
import type { IncidentFact } from './IncidentFact';

/** The trailing window incident statistics cover unless told otherwise. @public */
export const DEFAULT_INCIDENT_WINDOW_DAYS = 90;

/** Input of {@link computeIncidentStats}. @public */
export interface ComputeIncidentStatsInput {
  serviceId: string;
  /** Incidents of the service; incidents of other services are ignored. */
  incidents: IncidentFact[];
  /** Level-1 shifts of the service's escalation policy. */
  level1Shifts: OnCallShift[];
  now: Date;
  /** Length of the trailing window in days; defaults to 90. */
  windowDays?: number;
}

function mean(values: number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

// Negative durations come from clock skew or bad data; they would drag the
// mean below what anyone experienced, so they are left out.
function validDuration(seconds: number | undefined): seconds is number {
  return seconds !== undefined && seconds >= 0;
}

function toOpenIncident(
  incident: IncidentFact & { status: OpenIncident['status'] },
): OpenIncident {
  const open: OpenIncident = {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    urgency: incident.urgency,
    createdAt: incident.createdAt,
  };
  if (incident.number !== undefined) {
    open.number = incident.number;
  }
  if (incident.htmlUrl !== undefined) {
    open.htmlUrl = incident.htmlUrl;
  }
  return open;
}

function isOpen(
  incident: IncidentFact,
): incident is IncidentFact & { status: OpenIncident['status'] } {
  return incident.status === 'triggered' || incident.status === 'acknowledged';
}

function newestFirst(a: OpenIncident, b: OpenIncident): number {
  const aMs = parseInstant(a.createdAt) ?? -Infinity;
  const bMs = parseInstant(b.createdAt) ?? -Infinity;
  if (aMs !== bMs) {
    return bMs > aMs ? 1 : -1;
  }
  return a.id.localeCompare(b.id, 'en');
}

function shiftKey(shift: OnCallShift): string {
  return `${shift.user.id}\u0000${shift.start ?? ''}\u0000${shift.end ?? ''}`;
}

/**
 * Level-1 shifts that have started and overlap the window by a non-zero span
 * once clipped to `[windowStart, now]`. The same person listed twice for the
 * same span (e.g. through two schedules) is one shift. Returns the shifts'
 * unclipped intervals: an incident created exactly at `now` still falls in
 * the shift running at `now`.
 */
function shiftsInWindow(
  shifts: OnCallShift[],
  windowStart: number,
  now: number,
): TimeInterval[] {
  const seen = new Set<string>();
  const qualifying: TimeInterval[] = [];
  for (const shift of shifts) {
    const interval = shiftInterval(shift);
    if (!interval || interval.start > now) {
      continue;
    }
    const overlap =
      Math.min(interval.end, now) - Math.max(interval.start, windowStart);
    const key = shiftKey(shift);
    if (overlap > 0 && !seen.has(key)) {
      seen.add(key);
      qualifying.push(interval);
    }
  }
  return qualifying;
}

/**
 * Incident statistics of one service over a trailing window
 * `[now - windowDays, now]` (90 days by default).
 *
 * - `total`, `highUrgency`: incidents of the service created in the window.
 * - `mttaSeconds`: mean of `firstAcknowledgedAt - createdAt` over incidents in
 *   the window that were acknowledged; `null` when none was.
 * - `mttrSeconds`: mean of `resolvedAt - createdAt` over resolved incidents in
 *   the window; `null` when none was resolved.
 *   Negative or unparseable durations are left out of both means.
 * - `open`: every triggered or acknowledged incident of the service, whatever
 *   its age, newest first.
 * - `pagesPerShift`: the number of high-urgency incidents created in the
 *   window while a level-1 shift was running, divided by the number of
 *   level-1 shifts that have started and overlap the window (after clipping
 *   them to the window and to `now`, a non-zero span). A permanent shift
 *   (`start` and `end` null) counts as one shift spanning the window. An
 *   incident created during overlapping shifts is counted once; identical
 *   shifts (same person, start and end) count once. `null` when no shift
 *   qualifies.
 *
 * Never returns `NaN`: with no incidents the counts are 0 and the means null.
 *
 * @throws RangeError when `now` is an invalid date or `windowDays` is not a
 * positive number.
 * @public
 */
export function computeIncidentStats(
  input: ComputeIncidentStatsInput,
): IncidentStats {
  const windowDays = input.windowDays ?? DEFAULT_INCIDENT_WINDOW_DAYS;
  const now = input.now.getTime();
  if (!Number.isFinite(now)) {
    throw new RangeError('computeIncidentStats: "now" is an invalid date');
  }
  if (!Number.isFinite(windowDays) || windowDays <= 0) {
    throw new RangeError(
      `computeIncidentStats: windowDays must be a positive number, got ${windowDays}`,
    );
  }
  const windowStart = now - daysToMilliseconds(windowDays);

  const ofService = input.incidents.filter(
    incident => incident.serviceId === input.serviceId,
  );
  const inWindow: Array<{ incident: IncidentFact; created: number }> = [];
  for (const incident of ofService) {
    const created = parseInstant(incident.createdAt);
    if (created !== undefined && created >= windowStart && created <= now) {
      inWindow.push({ incident, created });
    }
  }
  const highUrgency = inWindow.filter(
    ({ incident }) => incident.urgency === 'high',
  );

  const ackSeconds = inWindow
    .map(({ incident }) =>
      incident.firstAcknowledgedAt === null
        ? undefined
        : secondsBetween(incident.createdAt, incident.firstAcknowledgedAt),
    )
    .filter(validDuration);
  const resolveSeconds = inWindow
    .map(({ incident }) =>
      incident.status !== 'resolved' || incident.resolvedAt === null
        ? undefined
        : secondsBetween(incident.createdAt, incident.resolvedAt),
    )
    .filter(validDuration);

  const shifts = shiftsInWindow(input.level1Shifts, windowStart, now);
  let pagesPerShift: number | null = null;
  if (shifts.length > 0) {
    const pages = highUrgency.filter(({ created }) =>
      shifts.some(shift => shift.start <= created && created < shift.end),
    ).length;
    pagesPerShift = pages / shifts.length;
  }

  return {
    serviceId: input.serviceId,
    windowDays,
    total: inWindow.length,
    highUrgency: highUrgency.length,
    mttaSeconds: mean(ackSeconds),
    mttrSeconds: mean(resolveSeconds),
    pagesPerShift,
    open: ofService.filter(isOpen).map(toOpenIncident).sort(newestFirst),
  };
}
