import {
  IncidentFact,
  parseInstant,
} from '@preflight/plugin-reliability-common';

/**
 * An incident's instants and durations in epoch milliseconds, with the same
 * rules as `computeIncidentStats`: a resolve time counts only on a resolved
 * incident, and negative durations (clock skew, bad data) are left out of
 * every duration figure rather than dragging means below what anyone lived.
 */
export interface IncidentTiming {
  createdMs: number;
  /** Whether anybody acknowledged it (even if the time is unusable). */
  acknowledged: boolean;
  /** Time to first acknowledgement; null when none or unusable. */
  ackMs: number | null;
  /** Whether it is resolved. */
  resolved: boolean;
  /** When it was resolved; null while open or when unparseable. */
  resolvedAtMs: number | null;
  /** Time to resolve; null when open or unusable. */
  resolveMs: number | null;
}

function usableDuration(from: number, to: number | undefined): number | null {
  return to !== undefined && to >= from ? to - from : null;
}

/**
 * Reads an incident's timing.
 * @returns undefined when its creation time is unparseable: an undatable
 * incident belongs to no period.
 */
export function incidentTiming(
  incident: IncidentFact,
): IncidentTiming | undefined {
  const createdMs = parseInstant(incident.createdAt);
  if (createdMs === undefined) {
    return undefined;
  }
  const resolved = incident.status === 'resolved';
  const resolvedAtMs = resolved
    ? parseInstant(incident.resolvedAt) ?? null
    : null;
  return {
    createdMs,
    acknowledged: incident.firstAcknowledgedAt !== null,
    ackMs: usableDuration(
      createdMs,
      parseInstant(incident.firstAcknowledgedAt),
    ),
    resolved,
    resolvedAtMs,
    resolveMs: usableDuration(createdMs, resolvedAtMs ?? undefined),
  };
}

/**
 * Whether the incident was still unresolved at the instant `at`: created
 * before it and not resolved by then (resolved exactly at `at` is closed).
 * A resolved incident whose resolve time is unreadable counts as closed.
 */
export function isOpenAt(timing: IncidentTiming, at: number): boolean {
  if (timing.createdMs >= at) {
    return false;
  }
  if (!timing.resolved) {
    return true;
  }
  return timing.resolvedAtMs !== null && timing.resolvedAtMs > at;
}
