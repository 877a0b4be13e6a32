import type {
  FleetEscalationPolicy,
  FleetIncident,
  FleetSchedule,
  FleetService,
  FleetTeam,
  FleetUser,
  PagerDutyFleet,
} from './fixtures/fleetTypes';

/** Kinds of log entries derived from an incident's facts. */
export type LogEntryKind = 'trigger' | 'notify' | 'acknowledge' | 'resolve';

/** Log entry kinds by numeric code, in the order they happen to an incident. */
export const LOG_ENTRY_KINDS: readonly LogEntryKind[] = [
  'trigger',
  'notify',
  'acknowledge',
  'resolve',
];

/** How long after the trigger PagerDuty notifies the first responder. */
export const NOTIFY_DELAY_MS = 5_000;

/**
 * All log entries of a fleet, newest first, stored column-wise in typed
 * arrays so 100k+ entries of a generated fleet stay a few megabytes.
 */
export interface LogEntryColumns {
  /** number of entries */
  length: number;
  atMs: Float64Array;
  /** index into `FleetIndex.incidents` */
  incident: Int32Array;
  /** index into {@link LOG_ENTRY_KINDS} */
  kind: Uint8Array;
}

function byName<T extends { name: string; id: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/**
 * Lookups over a fleet, built once per fleet. Incident-derived structures are
 * built on first use, so serving only services from a 10,000-service fleet
 * never generates its incidents.
 */
export class FleetIndex {
  readonly teamsById: ReadonlyMap<string, FleetTeam>;
  readonly usersById: ReadonlyMap<string, FleetUser>;
  readonly schedulesById: ReadonlyMap<string, FleetSchedule>;
  readonly policiesById: ReadonlyMap<string, FleetEscalationPolicy>;
  readonly servicesById: ReadonlyMap<string, FleetService>;
  /** lists in PagerDuty's default order (by name) */
  readonly teamsByName: readonly FleetTeam[];
  readonly usersByName: readonly FleetUser[];
  readonly policiesByName: readonly FleetEscalationPolicy[];
  readonly servicesByName: readonly FleetService[];
  /** services using each policy */
  readonly servicesByPolicy: ReadonlyMap<string, FleetService[]>;
  /** policy ids that target each user, directly or through a schedule */
  readonly policyIdsByUser: ReadonlyMap<string, Set<string>>;
  /** policies whose levels use each schedule */
  readonly policiesBySchedule: ReadonlyMap<string, FleetEscalationPolicy[]>;

  private incidentCache?: {
    incidents: readonly FleetIncident[];
    byId: Map<string, number>;
    byService: Map<string, number[]>;
  };
  private logEntryCache?: LogEntryColumns;

  constructor(readonly fleet: PagerDutyFleet) {
    this.teamsById = new Map(fleet.teams.map(t => [t.id, t]));
    this.usersById = new Map(fleet.users.map(u => [u.id, u]));
    this.schedulesById = new Map(fleet.schedules.map(s => [s.id, s]));
    this.policiesById = new Map(fleet.escalationPolicies.map(p => [p.id, p]));
    this.servicesById = new Map(fleet.services.map(s => [s.id, s]));
    this.teamsByName = byName(fleet.teams);
    this.usersByName = byName(fleet.users);
    this.policiesByName = byName(fleet.escalationPolicies);
    this.servicesByName = byName(fleet.services);

    const servicesByPolicy = new Map<string, FleetService[]>();
    for (const service of this.servicesByName) {
      const list = servicesByPolicy.get(service.escalationPolicyId) ?? [];
      list.push(service);
      servicesByPolicy.set(service.escalationPolicyId, list);
    }
    this.servicesByPolicy = servicesByPolicy;

    const policyIdsByUser = new Map<string, Set<string>>();
    const policiesBySchedule = new Map<string, FleetEscalationPolicy[]>();
    const addUser = (userId: string, policyId: string) => {
      const set = policyIdsByUser.get(userId) ?? new Set<string>();
      set.add(policyId);
      policyIdsByUser.set(userId, set);
    };
    for (const policy of fleet.escalationPolicies) {
      for (const rule of policy.rules) {
        for (const target of rule.targets) {
          if (target.type === 'user') {
            addUser(target.id, policy.id);
          } else {
            const list = policiesBySchedule.get(target.id) ?? [];
            if (!list.includes(policy)) {
              list.push(policy);
            }
            policiesBySchedule.set(target.id, list);
            const schedule = this.schedulesById.get(target.id);
            schedule?.rotation.userIds.forEach(u => addUser(u, policy.id));
            schedule?.overrides.forEach(o => addUser(o.userId, policy.id));
          }
        }
      }
    }
    this.policyIdsByUser = policyIdsByUser;
    this.policiesBySchedule = policiesBySchedule;
  }

  private incidentData() {
    if (!this.incidentCache) {
      const incidents = this.fleet.incidents();
      const byId = new Map<string, number>();
      const byService = new Map<string, number[]>();
      incidents.forEach((incident, i) => {
        byId.set(incident.id, i);
        const list = byService.get(incident.serviceId) ?? [];
        list.push(i);
        byService.set(incident.serviceId, list);
      });
      this.incidentCache = { incidents, byId, byService };
    }
    return this.incidentCache;
  }

  /** Incidents oldest first. */
  get incidents(): readonly FleetIncident[] {
    return this.incidentData().incidents;
  }

  /** Position of an incident in {@link FleetIndex.incidents}, or undefined. */
  incidentIndex(id: string): number | undefined {
    return this.incidentData().byId.get(id);
  }

  /** Positions of a service's incidents, oldest first. */
  incidentIndexesOfService(serviceId: string): readonly number[] {
    return this.incidentData().byService.get(serviceId) ?? [];
  }

  /** The most recent incident's creation time of a service, or null before its first incident. */
  lastIncidentAtMs(serviceId: string): number | null {
    const list = this.incidentIndexesOfService(serviceId);
    return list.length
      ? this.incidents[list[list.length - 1]].createdAtMs
      : null;
  }

  /** The service's status as PagerDuty derives it from open incidents. */
  serviceStatus(serviceId: string): 'active' | 'warning' | 'critical' {
    let status: 'active' | 'warning' | 'critical' = 'active';
    for (const i of this.incidentIndexesOfService(serviceId)) {
      const incident = this.incidents[i];
      if (incident.resolvedAtMs === null) {
        if (incident.acknowledgedAtMs === null) {
          return 'critical';
        }
        status = 'warning';
      }
    }
    return status;
  }

  /** The log entries an incident produced, in the order they happened. */
  logEntriesOf(
    incidentIndex: number,
  ): Array<{ kind: LogEntryKind; atMs: number }> {
    const incident = this.incidents[incidentIndex];
    const entries: Array<{ kind: LogEntryKind; atMs: number }> = [
      { kind: 'trigger', atMs: incident.createdAtMs },
    ];
    if (incident.notifiedUserId) {
      entries.push({
        kind: 'notify',
        atMs: incident.createdAtMs + NOTIFY_DELAY_MS,
      });
    }
    if (incident.acknowledgedAtMs !== null) {
      entries.push({ kind: 'acknowledge', atMs: incident.acknowledgedAtMs });
    }
    if (incident.resolvedAtMs !== null) {
      entries.push({ kind: 'resolve', atMs: incident.resolvedAtMs });
    }
    return entries;
  }

  /** Every log entry of the fleet, newest first. */
  get logEntries(): LogEntryColumns {
    if (!this.logEntryCache) {
      const incidents = this.incidents;
      let length = 0;
      for (let i = 0; i < incidents.length; i++) {
        length += this.logEntriesOf(i).length;
      }
      const atMs = new Float64Array(length);
      const incident = new Int32Array(length);
      const kind = new Uint8Array(length);
      let n = 0;
      for (let i = 0; i < incidents.length; i++) {
        for (const entry of this.logEntriesOf(i)) {
          atMs[n] = entry.atMs;
          incident[n] = i;
          kind[n] = LOG_ENTRY_KINDS.indexOf(entry.kind);
          n++;
        }
      }
      const order = Int32Array.from({ length }, (_, i) => i).sort(
        (a, b) =>
          atMs[b] - atMs[a] || kind[b] - kind[a] || incident[b] - incident[a],
      );
      this.logEntryCache = {
        length,
        atMs: Float64Array.from(order, i => atMs[i]),
        incident: Int32Array.from(order, i => incident[i]),
        kind: Uint8Array.from(order, i => kind[i]),
      };
    }
    return this.logEntryCache;
  }
}
