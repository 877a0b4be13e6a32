/**
 * Summaries shaped like the backend's answers for the demo fleet (see the
 * team brief): checkout-api with three levels, auth-service in tonight's
 * gap, service-mesh with a permanent on-call, and the broken entities.
 */
import { Entity } from '@backstage/catalog-model';
import type {
  EntityReliabilitySummary,
  OnCallPerson,
  SourceHealth,
} from '@preflight/plugin-reliability-common';

/** Tuesday 4 March 2025, 14:00 UTC: carol's override (12:00–18:00) is active. */
export const NOW = new Date('2025-03-04T14:00:00Z');

export function minutesFromNow(minutes: number, now: Date = NOW): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

export function person(id: string, name: string, phone: string): OnCallPerson {
  const email = `${name.toLowerCase()}@example.com`;
  return {
    id,
    name,
    email,
    htmlUrl: `https://acme.pagerduty.com/users/${id}`,
    contactMethods: [
      { type: 'email', address: email },
      { type: 'phone', address: phone },
    ],
  };
}

export const alice = person('PUALICE', 'Alice', '+1 555 0101');
export const bob = person('PUBOB01', 'Bob', '+1 555 0102');
export const carol = person('PUCAROL', 'Carol', '+1 555 0103');
export const dana = person('PUDANA1', 'Dana', '+1 555 0104');
export const frank = person('PUFRANK', 'Frank', '+1 555 0106');
export const grace = person('PUGRACE', 'Grace', '+1 555 0107');

export function pagerDutySource(
  overrides: Partial<SourceHealth> = {},
): SourceHealth {
  return {
    id: 'pagerduty:default',
    type: 'pagerduty',
    displayName: 'PagerDuty',
    lastAttemptAt: minutesFromNow(-3),
    lastSuccessAt: minutesFromNow(-3),
    lastError: null,
    errorSince: null,
    stale: false,
    ageSeconds: 180,
    warnings: [],
    ...overrides,
  };
}

export function componentEntity(
  name: string,
  annotations: Record<string, string> = {},
  links: Entity['metadata']['links'] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations, links },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  };
}

const paymentsPrimary = {
  id: 'PSPAY01',
  name: 'Payments primary',
  htmlUrl: 'https://acme.pagerduty.com/schedules/PSPAY01',
};
const paymentsSecondary = {
  id: 'PSPAY02',
  name: 'Payments secondary',
  htmlUrl: 'https://acme.pagerduty.com/schedules/PSPAY02',
};

/** checkout-api: three levels, an override on level 1, a permanent level 3. */
export function checkoutApiSummary(): EntityReliabilitySummary {
  return {
    entityRef: 'component:default/checkout-api',
    owner: { entityRef: 'group:default/team-payments', exists: true },
    onCall: {
      state: 'ok',
      sourceId: 'pagerduty:default',
      serviceId: 'PCHKOUT',
      service: {
        id: 'PCHKOUT',
        name: 'checkout-api',
        htmlUrl: 'https://acme.pagerduty.com/service-directory/PCHKOUT',
        status: 'critical',
        escalationPolicyId: 'PEPAY01',
        teams: [{ id: 'PTPAY01', name: 'team-payments' }],
      },
      escalationPolicy: {
        id: 'PEPAY01',
        name: 'Payments escalation',
        htmlUrl: 'https://acme.pagerduty.com/escalation_policies/PEPAY01',
        numLoops: 1,
        levels: [
          {
            level: 1,
            delayMinutes: 30,
            targets: [{ type: 'schedule', ...paymentsPrimary }],
            onCallNow: [
              {
                person: carol,
                start: '2025-03-04T12:00:00Z',
                end: '2025-03-04T18:00:00Z',
                schedule: paymentsPrimary,
              },
            ],
            nextHandoff: {
              at: '2025-03-04T18:00:00Z',
              onCall: [
                {
                  person: alice,
                  start: '2025-03-04T18:00:00Z',
                  end: '2025-03-10T09:00:00Z',
                  schedule: paymentsPrimary,
                },
              ],
            },
            gaps: [],
          },
          {
            level: 2,
            delayMinutes: 15,
            targets: [{ type: 'schedule', ...paymentsSecondary }],
            onCallNow: [
              {
                person: bob,
                start: '2025-03-03T09:00:00Z',
                end: '2025-03-10T09:00:00Z',
                schedule: paymentsSecondary,
              },
            ],
            nextHandoff: {
              at: '2025-03-10T09:00:00Z',
              onCall: [
                {
                  person: carol,
                  start: '2025-03-10T09:00:00Z',
                  end: '2025-03-17T09:00:00Z',
                  schedule: paymentsSecondary,
                },
              ],
            },
            gaps: [],
          },
          {
            level: 3,
            delayMinutes: 10,
            targets: [{ type: 'user', id: 'PUDANA1', name: 'Dana' }],
            onCallNow: [{ person: dana, start: null, end: null }],
            nextHandoff: null,
            gaps: [],
          },
        ],
      },
      incidents: {
        serviceId: 'PCHKOUT',
        windowDays: 90,
        total: 12,
        highUrgency: 5,
        mttaSeconds: 270,
        mttrSeconds: 4320,
        pagesPerShift: 0.75,
        open: [
          {
            id: 'Q0LOW',
            number: 1038,
            title: 'Retry queue growing',
            status: 'acknowledged',
            urgency: 'low',
            createdAt: minutesFromNow(-300),
            htmlUrl: 'https://acme.pagerduty.com/incidents/Q0LOW',
          },
          {
            id: 'Q1HIGH',
            number: 1042,
            title: 'Checkout latency above SLO',
            status: 'triggered',
            urgency: 'high',
            createdAt: minutesFromNow(-40),
            htmlUrl: 'https://acme.pagerduty.com/incidents/Q1HIGH',
          },
        ],
      },
    },
    runbooks: [
      {
        title: 'Checkout API runbook',
        url: 'https://wiki.example.com/runbooks/checkout-api',
        origin: 'entity-link',
      },
      {
        title: 'Payments incident playbook',
        url: 'https://docs.example.org/playbooks/payments',
        origin: 'entity-link',
      },
    ],
    sources: [pagerDutySource()],
    problems: [],
    generatedAt: NOW.toISOString(),
  };
}

/** auth-service at 23:00 UTC: level 1 is in the nightly 22:00–06:00 gap. */
export const GAP_NOW = new Date('2025-03-04T23:00:00Z');

export function authServiceInGapSummary(): EntityReliabilitySummary {
  const platformPrimary = {
    id: 'PSPLT01',
    name: 'Platform primary',
    htmlUrl: 'https://acme.pagerduty.com/schedules/PSPLT01',
  };
  return {
    entityRef: 'component:default/auth-service',
    owner: { entityRef: 'group:default/team-platform', exists: true },
    onCall: {
      state: 'ok',
      sourceId: 'pagerduty:default',
      serviceId: 'PAUTHSV',
      service: {
        id: 'PAUTHSV',
        name: 'auth-service',
        htmlUrl: 'https://acme.pagerduty.com/service-directory/PAUTHSV',
        status: 'active',
        escalationPolicyId: 'PEPLT01',
        teams: [],
      },
      escalationPolicy: {
        id: 'PEPLT01',
        name: 'Platform escalation',
        htmlUrl: 'https://acme.pagerduty.com/escalation_policies/PEPLT01',
        numLoops: 0,
        levels: [
          {
            level: 1,
            delayMinutes: 30,
            targets: [{ type: 'schedule', ...platformPrimary }],
            onCallNow: [],
            nextHandoff: {
              at: '2025-03-05T06:00:00Z',
              onCall: [
                {
                  person: frank,
                  start: '2025-03-05T06:00:00Z',
                  end: '2025-03-05T22:00:00Z',
                  schedule: platformPrimary,
                },
              ],
            },
            gaps: [
              { start: '2025-03-04T22:00:00Z', end: '2025-03-05T06:00:00Z' },
              { start: '2025-03-05T22:00:00Z', end: '2025-03-06T06:00:00Z' },
            ],
          },
          {
            level: 2,
            delayMinutes: 30,
            targets: [{ type: 'user', id: 'PUGRACE', name: 'Grace' }],
            onCallNow: [{ person: grace, start: null, end: null }],
            nextHandoff: null,
            gaps: [],
          },
        ],
      },
    },
    runbooks: [],
    sources: [pagerDutySource({ lastSuccessAt: minutesFromNow(-2, GAP_NOW) })],
    problems: [],
    generatedAt: GAP_NOW.toISOString(),
  };
}

/** service-mesh: one level, frank targeted directly. */
export function serviceMeshSummary(): EntityReliabilitySummary {
  return {
    entityRef: 'component:default/service-mesh',
    owner: { entityRef: 'group:default/team-platform', exists: true },
    onCall: {
      state: 'ok',
      sourceId: 'pagerduty:default',
      serviceId: 'PMESH01',
      service: {
        id: 'PMESH01',
        name: 'service-mesh',
        htmlUrl: 'https://acme.pagerduty.com/service-directory/PMESH01',
        status: 'active',
        teams: [],
      },
      escalationPolicy: {
        id: 'PEMSH01',
        name: 'Mesh on-call',
        htmlUrl: 'https://acme.pagerduty.com/escalation_policies/PEMSH01',
        numLoops: 0,
        levels: [
          {
            level: 1,
            delayMinutes: 30,
            targets: [{ type: 'user', id: 'PUFRANK', name: 'Frank' }],
            onCallNow: [{ person: frank, start: null, end: null }],
            nextHandoff: null,
            gaps: [],
          },
        ],
      },
      incidents: {
        serviceId: 'PMESH01',
        windowDays: 90,
        total: 0,
        highUrgency: 0,
        mttaSeconds: null,
        mttrSeconds: null,
        pagesPerShift: null,
        open: [],
      },
    },
    runbooks: [],
    sources: [pagerDutySource()],
    problems: [],
    generatedAt: NOW.toISOString(),
  };
}

/** A summary whose on-call section is not `ok`. */
export function summaryInState(
  name: string,
  onCall: EntityReliabilitySummary['onCall'],
  overrides: Partial<EntityReliabilitySummary> = {},
): EntityReliabilitySummary {
  return {
    entityRef: `component:default/${name}`,
    owner: { entityRef: 'group:default/team-payments', exists: true },
    onCall,
    runbooks: [],
    sources: [pagerDutySource()],
    problems: onCall.problem ? [onCall.problem] : [],
    generatedAt: NOW.toISOString(),
    ...overrides,
  };
}
