// Builders for the metrics tests: readable timelines in a few words each.
import type {
  OnCallPerson,
  OnCallShift,
} from '@preflight/plugin-reliability-common';
import type { ChangeEventFact, ReportIncident } from '../types';

const MINUTE = 60_000;

/** `iso` plus `minutes`, as ISO-8601. */
export function plusMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
}

/**
 * An incident created at `createdAt`, acknowledged after `ackMinutes`
 * (null: never) and resolved after `resolveMinutes` (null: still open).
 */
export function incident(
  id: string,
  serviceId: string,
  createdAt: string,
  ackMinutes: number | null,
  resolveMinutes: number | null,
  extra: Partial<ReportIncident> = {},
): ReportIncident {
  let status: ReportIncident['status'] = 'triggered';
  if (resolveMinutes !== null) status = 'resolved';
  else if (ackMinutes !== null) status = 'acknowledged';
  return {
    id,
    title: id,
    serviceId,
    status,
    urgency: 'high',
    createdAt,
    firstAcknowledgedAt:
      ackMinutes === null ? null : plusMinutes(createdAt, ackMinutes),
    resolvedAt:
      resolveMinutes === null ? null : plusMinutes(createdAt, resolveMinutes),
    ...extra,
  };
}

export function change(
  id: string,
  serviceId: string,
  timestamp: string,
): ChangeEventFact {
  return { id, serviceId, timestamp };
}

export function person(id: string, timeZone?: string): OnCallPerson {
  return { id, name: id, timeZone, contactMethods: [] };
}

export function shift(
  user: OnCallPerson,
  start: string | null,
  end: string | null,
  level = 1,
): OnCallShift {
  return { level, user, start, end };
}
