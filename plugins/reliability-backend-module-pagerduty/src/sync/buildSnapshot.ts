import {
  computeIncidentStats,
  type IncidentFact,
  type OnCallPerson,
  type OnCallShift,
  type OnCallSnapshot,
} from '@preflight/plugin-reliability-common';
import type {
  PdEscalationPolicy,
  PdIncident,
  PdLogEntry,
  PdOnCall,
  PdService,
  PdUser,
} from '../client/pagerDutyTypes';
import { collectIncidentTimes } from './collectIncidentTimes';
import { mapEscalationPolicy } from './mapEscalationPolicy';
import { mapIncident } from './mapIncident';
import { mapOnCallShift } from './mapOnCallShift';
import { mapPerson } from './mapPerson';
import { mapService } from './mapService';
import { onCallEntryKey } from './onCallEntryKey';

/** Everything read from one PagerDuty account (or one service of it). */
export interface PagerDutyRawData {
  services: PdService[];
  policies: PdEscalationPolicy[];
  users: PdUser[];
  onCalls: PdOnCall[];
  incidents: PdIncident[];
  logEntries: PdLogEntry[];
}

/**
 * Turns what was read from PagerDuty into a snapshot: services, policies
 * with their levels and shifts, and incident statistics per service over
 * the trailing window (pages per shift counted against level-1 shifts of
 * the service's policy over that same window). Policies keep only the
 * shifts that end after `keepShiftsEndingAfter` (and permanent ones): older
 * shifts only serve the statistics. Pure: no I/O, `now` is given.
 */
export function buildSnapshot(
  raw: PagerDutyRawData,
  options: {
    now: Date;
    incidentWindowDays: number;
    keepShiftsEndingAfter?: Date;
    warnings: string[];
  },
): OnCallSnapshot {
  const warnings = [...options.warnings];
  const people = new Map<string, OnCallPerson>(
    raw.users.map(user => [user.id, mapPerson(user)]),
  );

  const shiftsByPolicy = new Map<string, OnCallShift[]>();
  const seenShifts = new Set<string>();
  for (const entry of raw.onCalls) {
    const policyId = entry.escalation_policy?.id;
    if (!policyId || !entry.user?.id) {
      continue;
    }
    // Overlapping batches or windows may return the same entry twice.
    const key = onCallEntryKey(entry);
    if (seenShifts.has(key)) {
      continue;
    }
    seenShifts.add(key);
    const shifts = shiftsByPolicy.get(policyId) ?? [];
    shifts.push(mapOnCallShift(entry, people));
    shiftsByPolicy.set(policyId, shifts);
  }

  const policies = raw.policies.map(policy =>
    mapEscalationPolicy(policy, shiftsByPolicy.get(policy.id) ?? []),
  );
  const policyById = new Map(policies.map(policy => [policy.id, policy]));

  const services = raw.services.map(mapService);
  for (const service of services) {
    if (
      service.escalationPolicyId &&
      !policyById.has(service.escalationPolicyId)
    ) {
      warnings.push(
        `service ${service.id} (${service.name}) uses escalation policy ${service.escalationPolicyId}, which was not found; its on-call is unknown`,
      );
    }
  }

  const times = collectIncidentTimes(raw.logEntries);
  const incidentsByService = new Map<string, IncidentFact[]>();
  for (const incident of raw.incidents) {
    if (!incident.service?.id) {
      continue;
    }
    const facts = incidentsByService.get(incident.service.id) ?? [];
    facts.push(mapIncident(incident, times.get(incident.id)));
    incidentsByService.set(incident.service.id, facts);
  }

  const incidentStats = services.map(service => {
    const policy = service.escalationPolicyId
      ? policyById.get(service.escalationPolicyId)
      : undefined;
    return computeIncidentStats({
      serviceId: service.id,
      incidents: incidentsByService.get(service.id) ?? [],
      level1Shifts: (policy?.shifts ?? []).filter(shift => shift.level === 1),
      now: options.now,
      windowDays: options.incidentWindowDays,
    });
  });

  const keepAfter = options.keepShiftsEndingAfter?.getTime();
  const kept =
    keepAfter === undefined
      ? policies
      : policies.map(policy => ({
          ...policy,
          shifts: policy.shifts.filter(
            shift => shift.end === null || Date.parse(shift.end) > keepAfter,
          ),
        }));

  return { services, policies: kept, incidentStats, warnings };
}
