import type { Entity } from '@backstage/catalog-model';
import type {
  EntityReadinessFacts,
  OnCallFacts,
  SloFact,
} from '@preflight/plugin-reliability-node';
import type { FactFreshness } from '@preflight/plugin-reliability-common';

/** The moment every fixture is built around. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');

/** A recent successful sync of a source. */
export function freshSource(sourceId: string): FactFreshness {
  return { sourceId, asOf: '2026-11-23T11:55:00.000Z', stale: false };
}

/** A source whose last good data is older than its staleness threshold. */
export function staleSource(sourceId: string): FactFreshness {
  return { sourceId, asOf: '2026-11-22T08:00:00.000Z', stale: true };
}

/** A source that never synced successfully. */
export function neverSyncedSource(sourceId: string): FactFreshness {
  return { sourceId, asOf: null, stale: true };
}

/** Recursive partial where arrays are replaced whole and `undefined` removes a key. */
export type DeepOverrides<T> = {
  [K in keyof T]?: T[K] extends Array<unknown>
    ? T[K]
    : T[K] extends object | null | undefined
    ? DeepOverrides<NonNullable<T[K]>> | Extract<T[K], null | undefined>
    : T[K];
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/**
 * Merges `overrides` into `base` without touching either: objects merge key
 * by key, arrays and other values replace, and a key given as `undefined`
 * is removed so a test can take a fact away.
 */
export function deepMerge<T>(base: T, overrides: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(overrides)) {
    return (overrides === undefined ? base : overrides) as T;
  }
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      delete merged[key];
    } else {
      merged[key] = deepMerge(merged[key], value);
    }
  }
  return merged as T;
}

function baseEntity(): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: 'default',
      annotations: {
        'pagerduty.com/service-id': 'PCHKOUT',
        'preflight.dev/tier': 'tier-1',
        'preflight.dev/openslo': 'slos/checkout.yaml',
        'backstage.io/techdocs-ref': 'dir:.',
      },
      links: [
        {
          title: 'Checkout runbook',
          url: 'https://runbooks.example.com/checkout',
          type: 'runbook',
        },
      ],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-payments',
      system: 'payments',
    },
  };
}

function baseOnCall(): OnCallFacts {
  return {
    state: 'ok',
    sourceId: 'pagerduty:default',
    serviceId: 'PCHKOUT',
    freshness: freshSource('pagerduty:default'),
    service: {
      id: 'PCHKOUT',
      name: 'Checkout API',
      status: 'active',
      escalationPolicyId: 'PPOLICY',
      teams: [{ id: 'PTEAM01', name: 'Team Payments' }],
    },
    escalationPolicy: {
      id: 'PPOLICY',
      name: 'Checkout escalation',
      levelCount: 2,
      level1Gaps: [],
      level1People: [
        { id: 'PUSER1', name: 'Alice Adams', email: 'alice@example.com' },
        { id: 'PUSER2', name: 'Bob Brown', email: 'bob@example.com' },
        { id: 'PUSER3', name: 'Carol Chen', email: 'carol@example.com' },
      ],
      lookAhead: {
        start: '2026-11-23T12:00:00.000Z',
        end: '2026-11-30T12:00:00.000Z',
      },
    },
    incidents: {
      serviceId: 'PCHKOUT',
      windowDays: 90,
      total: 4,
      highUrgency: 2,
      // 3 minutes and 45 minutes: under tier-1's 5 and 60 minutes.
      mttaSeconds: 180,
      mttrSeconds: 2700,
      pagesPerShift: 0.5,
      open: [],
    },
  };
}

/** An SLO that is measured, met and has most of its budget left. */
export function buildSloFact(overrides: DeepOverrides<SloFact> = {}): SloFact {
  return deepMerge<SloFact>(
    {
      id: 'checkout-availability',
      displayName: 'Checkout availability',
      state: 'ok',
      objective: 0.999,
      window: '28d',
      attainment: 0.9995,
      budgetRemaining: 0.5,
      alertState: 'ok',
      evaluatedAt: '2026-11-23T11:55:00.000Z',
      sourceId: 'prometheus:main',
      errors: [],
    },
    overrides,
  );
}

/**
 * Readiness facts of a tier-1 component that passes every built-in check:
 * a team with members, a two-level escalation policy covered without gaps
 * by three people who are all members of the team, quick incident response,
 * a runbook, alert rules with runbooks and a met SLO with budget left, all
 * from fresh sources. Tests take one fact away or change it through
 * `overrides` (deep-merged; arrays replace; `undefined` removes a key).
 */
export function buildReadinessFacts(
  overrides: DeepOverrides<EntityReadinessFacts> = {},
): EntityReadinessFacts {
  const base: EntityReadinessFacts = {
    entityRef: 'component:default/checkout',
    entity: baseEntity(),
    tier: 'tier-1',
    owner: {
      ref: 'group:default/team-payments',
      exists: true,
      kind: 'group',
      memberRefs: [
        'user:default/alice',
        'user:default/bob',
        'user:default/carol',
      ],
      memberEmails: [
        'alice@example.com',
        'bob@example.com',
        'carol@example.com',
      ],
      // PagerDuty's team is "Team Payments"; the group says which one it is.
      annotations: { 'pagerduty.com/team-id': 'PTEAM01' },
    },
    onCall: baseOnCall(),
    runbooks: [
      {
        title: 'Checkout runbook',
        url: 'https://runbooks.example.com/checkout',
        origin: 'entity-link',
      },
    ],
    alertRules: {
      rules: [
        {
          name: 'CheckoutHighLatency',
          group: 'checkout.rules',
          sourceId: 'prometheus:main',
          runbookUrl: 'https://runbooks.example.com/checkout#latency',
          severity: 'page',
        },
        {
          name: 'CheckoutErrors',
          group: 'checkout.rules',
          sourceId: 'prometheus:main',
          runbookUrl: 'https://runbooks.example.com/checkout#errors',
          severity: 'ticket',
        },
      ],
      freshness: [freshSource('prometheus:main')],
    },
    slos: {
      declared: true,
      slos: [buildSloFact()],
      problems: [],
      freshness: [freshSource('prometheus:main')],
    },
    exemptions: [],
    reviews: {
      offeredStages: ['beta', 'ga'],
      reviews: [
        {
          id: '6f1c2d3e-0000-4000-8000-000000000001',
          stage: 'ga',
          templateId: 'ga-readiness',
          state: 'approved',
          driftCount: 0,
          updatedAt: '2026-11-23T11:55:00.000Z',
        },
      ],
    },
    // Four weeks of report data: 1 of 10 changes failed, 1 of 10 incidents
    // was noise, 7 pages over 14 shifts, 2 of them outside business hours.
    reports: {
      period: {
        kind: 'days',
        timeZone: 'UTC',
        startDate: '2026-10-26',
        endDate: '2026-11-23',
        start: '2026-10-26T00:00:00.000Z',
        end: '2026-11-23T00:00:00.000Z',
      },
      windowDays: 28,
      freshness: freshSource('pagerduty:default'),
      changeFailure: {
        status: 'measured',
        changes: 10,
        failedChanges: 1,
        rate: 0.1,
      },
      alerts: { total: 10, noise: 1 },
      onCall: {
        rotationId: 'PPOLICY',
        shifts: 14,
        pages: 7,
        pagesPerShift: 0.5,
        offHoursPages: 2,
      },
    },
    problems: [],
  };
  return deepMerge(base, overrides);
}

/** An entity of another kind/shape, keeping the fixture's names. */
export function buildEntity(overrides: DeepOverrides<Entity> = {}): Entity {
  return deepMerge(baseEntity(), overrides);
}
