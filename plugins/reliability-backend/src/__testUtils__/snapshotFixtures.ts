import type {
  EscalationPolicyRecord,
  IncidentStats,
  OnCallServiceRecord,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';

/** A service record as a provider would return it. */
export function makeService(
  id: string,
  overrides: Partial<OnCallServiceRecord> = {},
): OnCallServiceRecord {
  return {
    id,
    name: `service ${id}`,
    htmlUrl: `https://acme.pagerduty.com/service-directory/${id}`,
    status: 'active',
    escalationPolicyId: 'PEPAY01',
    teams: [{ id: 'PTPAY01', name: 'team-payments' }],
    ...overrides,
  };
}

/**
 * The demo's payments policy: alice on level 1 through a schedule from
 * `start` to `end`, then bob; dana permanently on level 2.
 */
export function makePolicy(
  id: string,
  options: { now: Date; name?: string } = { now: new Date() },
): EscalationPolicyRecord {
  const hour = 3600_000;
  const now = options.now.getTime();
  const handoff = new Date(now + 2 * hour).toISOString();
  return {
    id,
    name: options.name ?? 'Payments escalation',
    htmlUrl: `https://acme.pagerduty.com/escalation_policies/${id}`,
    numLoops: 1,
    levels: [
      {
        level: 1,
        delayMinutes: 30,
        targets: [
          { type: 'schedule', id: 'PSPAY01', name: 'Payments primary' },
        ],
      },
      {
        level: 2,
        delayMinutes: 30,
        targets: [{ type: 'user', id: 'PUDANA1', name: 'Dana' }],
      },
    ],
    shifts: [
      {
        level: 1,
        user: person('PUALICE', 'Alice'),
        start: new Date(now - 5 * hour).toISOString(),
        end: handoff,
        schedule: { id: 'PSPAY01', name: 'Payments primary' },
      },
      {
        level: 1,
        user: person('PUBOB01', 'Bob'),
        start: handoff,
        end: new Date(now + 170 * hour).toISOString(),
        schedule: { id: 'PSPAY01', name: 'Payments primary' },
      },
      { level: 2, user: person('PUDANA1', 'Dana'), start: null, end: null },
    ],
  };
}

/**
 * Like the platform policy tonight: nobody holds level 1 now (alice's shift
 * ended an hour ago, bob's starts in three hours); dana holds level 2
 * permanently.
 */
export function makeGapPolicy(
  id: string,
  options: { now: Date; name?: string },
): EscalationPolicyRecord {
  const hour = 3600_000;
  const now = options.now.getTime();
  const policy = makePolicy(id, options);
  return {
    ...policy,
    name: options.name ?? 'Platform escalation',
    shifts: [
      {
        ...policy.shifts[0],
        start: new Date(now - 9 * hour).toISOString(),
        end: new Date(now - hour).toISOString(),
      },
      {
        ...policy.shifts[1],
        start: new Date(now + 3 * hour).toISOString(),
        end: new Date(now + 11 * hour).toISOString(),
      },
      policy.shifts[2],
    ],
  };
}

function person(id: string, name: string) {
  const lower = name.toLowerCase();
  return {
    id,
    name,
    email: `${lower}@example.com`,
    contactMethods: [
      { type: 'email' as const, address: `${lower}@example.com` },
      { type: 'phone' as const, address: '+1 555 0100' },
    ],
  };
}

/** Incident statistics with one open high-urgency incident. */
export function makeStats(
  serviceId: string,
  overrides: Partial<IncidentStats> = {},
): IncidentStats {
  return {
    serviceId,
    windowDays: 90,
    total: 7,
    highUrgency: 3,
    mttaSeconds: 240,
    mttrSeconds: 3600,
    pagesPerShift: 0.5,
    open: [
      {
        id: 'Q1OPEN',
        number: 42,
        title: 'Checkout latency',
        status: 'triggered',
        urgency: 'high',
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

/** A consistent snapshot of the given services, all on one policy. */
export function makeSnapshot(
  serviceIds: string[],
  options: { now?: Date; policyId?: string; warnings?: string[] } = {},
): OnCallSnapshot {
  const policyId = options.policyId ?? 'PEPAY01';
  return {
    services: serviceIds.map(id =>
      makeService(id, { escalationPolicyId: policyId }),
    ),
    policies: [makePolicy(policyId, { now: options.now ?? new Date() })],
    incidentStats: serviceIds.map(id => makeStats(id)),
    warnings: options.warnings ?? [],
  };
}
