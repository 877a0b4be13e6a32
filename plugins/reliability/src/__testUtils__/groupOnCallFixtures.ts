/**
 * Team on-call overviews shaped like the backend's answers for the demo
 * fleet at {@link NOW}: carol holds payments level 1 until 18:00 (her
 * override), alice takes over; a sub-team's service has nobody on level 1.
 */
import { Entity } from '@backstage/catalog-model';
import type {
  GroupOnCallEntity,
  GroupOnCallResponse,
} from '@preflight/plugin-reliability-common';
import {
  alice,
  carol,
  frank,
  minutesFromNow,
  NOW,
  pagerDutySource,
} from './summaryFixtures';

const paymentsPrimary = {
  id: 'PSPAY01',
  name: 'Payments primary',
  htmlUrl: 'https://acme.pagerduty.com/schedules/PSPAY01',
};

const paymentsPolicy = {
  id: 'PEPAY01',
  name: 'Payments escalation',
  htmlUrl: 'https://acme.pagerduty.com/escalation_policies/PEPAY01',
};

const fresh = { asOf: minutesFromNow(-3), stale: false };

/** A payments service with carol on level 1 now and alice next. */
export function paymentsService(
  name: string,
  serviceId: string,
  overrides: Partial<GroupOnCallEntity> = {},
): GroupOnCallEntity {
  return {
    entityRef: `component:default/${name}`,
    ownerRef: 'group:default/team-payments',
    state: 'ok',
    sourceId: 'pagerduty:default',
    serviceId,
    service: {
      id: serviceId,
      name,
      htmlUrl: `https://acme.pagerduty.com/service-directory/${serviceId}`,
      status: 'active',
      escalationPolicyId: 'PEPAY01',
      teams: [{ id: 'PTPAY01', name: 'team-payments' }],
    },
    escalationPolicy: paymentsPolicy,
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
    uncoveredLevels: [],
    openHighUrgencyIncidents: 0,
    freshness: fresh,
    ...overrides,
  };
}

/** An entity whose on-call cannot be shown. */
export function entityInState(
  name: string,
  state: GroupOnCallEntity['state'],
  overrides: Partial<GroupOnCallEntity> = {},
): GroupOnCallEntity {
  return {
    entityRef: `component:default/${name}`,
    ownerRef: 'group:default/team-payments',
    state,
    onCallNow: [],
    nextHandoff: null,
    uncoveredLevels: [],
    openHighUrgencyIncidents: null,
    freshness: null,
    ...overrides,
  };
}

export const malformedProblem = {
  entityRef: 'component:default/metrics-pipeline',
  field: 'metadata.annotations["pagerduty.com/service-id"]',
  message:
    '"https://acme.pagerduty.com/service-directory/PMETRIC" is a URL, not a service id; the id is "PMETRIC"',
  fix: 'Use the service id from the PagerDuty service URL, e.g. https://acme.pagerduty.com/service-directory/PX1ABCD → PX1ABCD.',
};

/** team-payments and its sub-team team-fraud, in the order the backend sends them. */
export function paymentsTeamOnCall(): GroupOnCallResponse {
  return {
    groupRef: 'group:default/team-payments',
    groupRefs: ['group:default/team-payments', 'group:default/team-fraud'],
    entities: [
      entityInState('build-runner', 'unknown-service', {
        sourceId: 'pagerduty:default',
        serviceId: 'PNOSUCH',
        problem: {
          entityRef: 'component:default/build-runner',
          field: 'metadata.annotations["pagerduty.com/service-id"]',
          message:
            'PagerDuty (default) (source "pagerduty:default") has no service "PNOSUCH"',
          fix: "Copy the id from the service's PagerDuty URL (…/service-directory/<id>).",
        },
        freshness: fresh,
      }),
      entityInState('commerce', 'not-configured', {
        entityRef: 'system:default/commerce',
        title: 'Commerce',
      }),
      paymentsService('checkout-api', 'PCHKOUT', {
        title: 'Checkout API',
        openHighUrgencyIncidents: 1,
      }),
      entityInState('fraud-detector', 'not-configured'),
      paymentsService('fraud-rules', 'PFRAUD1', {
        ownerRef: 'group:default/team-fraud',
        escalationPolicy: {
          id: 'PEFRD01',
          name: 'Fraud escalation',
        },
        onCallNow: [],
        nextHandoff: {
          at: '2025-03-04T18:00:00Z',
          onCall: [
            {
              person: frank,
              start: '2025-03-04T18:00:00Z',
              end: '2025-03-05T06:00:00Z',
            },
          ],
        },
        uncoveredLevels: [{ level: 1, until: '2025-03-04T18:00:00Z' }],
      }),
      paymentsService('ledger-service', 'PLEDGER'),
      entityInState('metrics-pipeline', 'malformed', {
        problem: malformedProblem,
      }),
      paymentsService('payments-gateway', 'PPAYGW1', {
        openHighUrgencyIncidents: null,
      }),
    ],
    sources: [pagerDutySource()],
    truncated: false,
    generatedAt: NOW.toISOString(),
  };
}

export function groupEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}
