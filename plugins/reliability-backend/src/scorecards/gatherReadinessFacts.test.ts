import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { makeSnapshot } from '../__testUtils__/snapshotFixtures';
import {
  storedReview,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import { DatabaseReviewStore } from '../reviews/DatabaseReviewStore';
import {
  createReadinessSources,
  entity,
  sloDefinition,
  sloMeasurement,
} from '../__testUtils__/readinessFixtures';
import {
  gatherReadinessFacts,
  GatheredFacts,
  ReadinessRunContext,
} from './gatherReadinessFacts';

jest.setTimeout(60_000);

const now = new Date('2026-11-22T12:00:00.000Z');
const minutesAgo = (minutes: number) =>
  new Date(now.getTime() - minutes * 60_000);

const checkoutRef = 'component:default/checkout-api';

const fleet: Entity[] = [
  entity('Group', 'team-payments', {
    annotations: { 'pagerduty.com/team-id': 'PTPAY01' },
    spec: { type: 'team', children: [] },
    relations: [
      { type: 'hasMember', targetRef: 'user:default/alice' },
      { type: 'hasMember', targetRef: 'user:default/bob' },
    ],
  }),
  entity('User', 'alice', {
    spec: {
      profile: { email: 'alice@example.com' },
      memberOf: ['team-payments'],
    },
  }),
  entity('User', 'bob', { spec: { memberOf: ['team-payments'] } }),
  entity('Component', 'checkout-api', {
    title: 'Checkout API',
    annotations: {
      'pagerduty.com/service-id': 'PCHKOUT',
      'preflight.dev/openslo': 'slos.yaml',
      'preflight.dev/tier': 'tier-1',
      'preflight.dev/scorecard-exemptions': [
        '- check: techdocs-annotation',
        '  reason: Docs move to the new portal in January',
        '  approver: user:default/dana',
        '  expires: 2027-01-31',
      ].join('\n'),
    },
    links: [{ url: 'https://runbooks.example.com/checkout', type: 'runbook' }],
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  }),
  entity('Component', 'fraud-detector', {
    spec: { type: 'service', lifecycle: 'production', owner: 'team-ghosts' },
  }),
  entity('Component', 'build-runner', {
    annotations: { 'pagerduty.com/service-id': 'PUNKNWN' },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-payments' },
  }),
  entity('Component', 'metrics-pipeline', {
    annotations: { 'pagerduty.com/service-id': 'not a service id!' },
    spec: { type: 'service', lifecycle: 'production' },
  }),
];
const components = fleet.filter(e => e.kind === 'Component');

function context(): ReadinessRunContext {
  return {
    credentials: mockCredentials.service(),
    now,
    alertRules: [],
    owners: new Map(),
  };
}

function factsOf(gathered: GatheredFacts[], ref: string) {
  const item = gathered.find(g => g.entityRef === ref);
  if (!item || !('facts' in item)) {
    throw new Error(`no facts for ${ref}: ${JSON.stringify(item)}`);
  }
  return item.facts;
}

describe('gatherReadinessFacts', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'gathers owners, on-call, runbooks, SLOs, alert rules and exemptions in bulk, on %p',
    async databaseId => {
      const {
        sources,
        store,
        sloStore,
        alertRuleStore,
        catalog,
        onCallProvider,
      } = await createReadinessSources(databases, databaseId, fleet);
      await store.registerSource(onCallProvider.source);
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: makeSnapshot(['PCHKOUT'], { now }),
        syncedAt: minutesAgo(2),
      });
      await sloStore.replaceDeclarations([
        {
          entityRef: checkoutRef,
          slos: [
            {
              definition: sloDefinition(checkoutRef, 'checkout'),
              sourceId: 'metrics:east',
            },
          ],
          problems: [],
        },
      ]);
      await sloStore.recordSourceMeasurement({
        source: {
          id: 'metrics:east',
          type: 'metrics',
          displayName: 'Metrics (east)',
        },
        measuredAt: minutesAgo(1),
        statuses: [sloMeasurement(checkoutRef, 'checkout', 5)],
        warnings: [],
      });
      await alertRuleStore.replaceSourceAlertRules('metrics:east', [
        {
          sourceId: 'metrics:east',
          group: 'checkout',
          name: 'CheckoutErrors',
          labels: { service: 'checkout-api', severity: 'page' },
          annotations: { runbook_url: 'https://runbooks.example.com/errors' },
        },
        {
          sourceId: 'metrics:east',
          group: 'search',
          name: 'SearchLatency',
          labels: { entity: 'component:default/search-api' },
          annotations: {},
        },
      ]);
      const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
      const getService = jest.spyOn(store, 'getService');

      // West runs an engine that does not serve rules (VictoriaMetrics
      // without vmalert).
      const notServed =
        'Prometheus instance "west": rules_not_served: VictoriaMetrics does not evaluate alerting rules itself';
      await alertRuleStore.recordSourceAlertRulesError(
        'metrics:west',
        notServed,
      );
      const run = context();
      run.alertRules = await alertRuleStore.listAlertRules();
      run.alertRuleErrors = await alertRuleStore.listSourceAlertRulesErrors();
      const gathered = await gatherReadinessFacts(sources, components, run);

      // Owners and their members: two catalog requests for the whole page,
      // no per-entity store reads.
      expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
      expect(getService).not.toHaveBeenCalled();

      const checkout = factsOf(gathered, checkoutRef);
      expect(checkout.tier).toBe('tier-1');
      expect(checkout.owner).toEqual({
        ref: 'group:default/team-payments',
        exists: true,
        kind: 'group',
        memberRefs: ['user:default/alice', 'user:default/bob'],
        memberEmails: ['alice@example.com'],
        annotations: { 'pagerduty.com/team-id': 'PTPAY01' },
      });
      expect(checkout.onCall).toMatchObject({
        state: 'ok',
        sourceId: 'pagerduty:default',
        serviceId: 'PCHKOUT',
        freshness: {
          sourceId: 'pagerduty:default',
          asOf: minutesAgo(2).toISOString(),
          stale: false,
        },
        service: expect.objectContaining({ id: 'PCHKOUT' }),
        incidents: expect.objectContaining({ mttrSeconds: 3600 }),
      });
      expect(checkout.onCall.escalationPolicy).toMatchObject({
        id: 'PEPAY01',
        levelCount: 2,
        level1Gaps: [],
        lookAhead: {
          start: now.toISOString(),
          end: '2026-11-29T12:00:00.000Z',
        },
      });
      expect(
        checkout.onCall.escalationPolicy!.level1People.map(p => p.name),
      ).toEqual(['Alice', 'Bob']);
      expect(checkout.runbooks).toEqual([
        expect.objectContaining({
          url: 'https://runbooks.example.com/checkout',
        }),
      ]);
      expect(checkout.slos).toMatchObject({
        declared: true,
        slos: [
          {
            id: 'checkout',
            state: 'ok',
            objective: 0.99,
            attainment: 0.995,
            sourceId: 'metrics:east',
          },
        ],
        freshness: [
          {
            sourceId: 'metrics:east',
            asOf: minutesAgo(1).toISOString(),
            stale: false,
          },
        ],
      });
      expect(checkout.slos.slos[0].budgetRemaining).toBeCloseTo(0.5);
      expect(checkout.alertRules.rules).toEqual([
        {
          name: 'CheckoutErrors',
          group: 'checkout',
          sourceId: 'metrics:east',
          runbookUrl: 'https://runbooks.example.com/errors',
          severity: 'page',
        },
      ]);
      expect(checkout.alertRules.freshness.map(f => f.sourceId)).toEqual([
        'metrics:east',
        'metrics:west',
      ]);
      expect(checkout.alertRules.unreadable).toEqual([
        {
          sourceId: 'metrics:west',
          error: notServed,
          since: expect.any(String),
        },
      ]);
      expect(checkout.exemptions).toEqual([
        {
          checkId: 'techdocs-annotation',
          reason: 'Docs move to the new portal in January',
          approver: 'user:default/dana',
          expires: '2027-01-31',
        },
      ]);
      expect(checkout.problems).toEqual([]);

      const fraud = factsOf(gathered, 'component:default/fraud-detector');
      expect(fraud.owner).toMatchObject({
        ref: 'group:default/team-ghosts',
        exists: false,
        memberRefs: null,
      });
      expect(fraud.onCall).toEqual({
        state: 'not-configured',
        freshness: null,
      });
      expect(fraud.slos).toMatchObject({ declared: false, slos: [] });
      expect(fraud.alertRules.rules).toEqual([]);

      const runner = factsOf(gathered, 'component:default/build-runner');
      expect(runner.onCall).toMatchObject({
        state: 'unknown-service',
        serviceId: 'PUNKNWN',
        freshness: { sourceId: 'pagerduty:default', stale: false },
      });
      expect(runner.problems).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('PUNKNWN'),
        }),
      ]);

      const pipeline = factsOf(gathered, 'component:default/metrics-pipeline');
      expect(pipeline.owner).toBeNull();
      expect(pipeline.onCall).toMatchObject({
        state: 'malformed',
        freshness: null,
      });
      expect(pipeline.onCall.problem).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'gives linked entities the report figures of their service and rotation, on %p',
    async databaseId => {
      const { sources, store, reportStore, onCallProvider } =
        await createReadinessSources(databases, databaseId, fleet);
      await store.registerSource(onCallProvider.source);
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: makeSnapshot(['PCHKOUT'], { now }),
        syncedAt: minutesAgo(2),
      });
      const empty = {
        timeZone: 'UTC',
        low: 0,
        ack: { count: 0, sumMs: 0, histogram: [] },
        unacknowledged: 0,
        resolve: { count: 0, sumMs: 0, histogram: [] },
        unresolved: 0,
        openAtDayEnd: 0,
        longest: null,
      };
      await reportStore.replaceDailyRows({
        sourceId: 'pagerduty:default',
        timeZone: 'UTC',
        fromDay: '2026-11-01',
        toDay: '2026-11-21',
        serviceRows: [
          {
            ...empty,
            serviceId: 'PCHKOUT',
            day: '2026-11-20',
            high: 2,
            noise: 1,
            changes: 5,
            failedChanges: 2,
          },
        ],
        rotationRows: [
          {
            rotationId: 'PEPAY01',
            day: '2026-11-20',
            timeZone: 'UTC',
            shifts: 2,
            pages: 2,
            offHoursPages: 1,
            sleepHoursPages: 0,
            people: [],
          },
        ],
      });
      await reportStore.recordReportSync({
        sourceId: 'pagerduty:default',
        historyStartMs: Date.parse('2025-11-22T00:00:00Z'),
        syncedUntilMs: minutesAgo(2).getTime(),
        syncedAt: minutesAgo(2),
        warnings: [],
      });

      const gathered = await gatherReadinessFacts(
        sources,
        components,
        context(),
      );
      expect(factsOf(gathered, checkoutRef).reports).toMatchObject({
        period: { startDate: '2026-10-25', endDate: '2026-11-22' },
        windowDays: 28,
        freshness: { sourceId: 'pagerduty:default', stale: false },
        changeFailure: { changes: 5, failedChanges: 2, rate: 0.4 },
        alerts: { total: 2, noise: 1 },
        onCall: {
          rotationId: 'PEPAY01',
          shifts: 2,
          pages: 2,
          pagesPerShift: 1,
          offHoursPages: 1,
        },
      });
      // No rows for the unknown service: no report fact, not zeros.
      expect(
        factsOf(gathered, 'component:default/build-runner').reports,
      ).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'says when on-call data is stale or was never synced, on %p',
    async databaseId => {
      const { sources, store, onCallProvider } = await createReadinessSources(
        databases,
        databaseId,
        fleet,
      );
      const checkout = components.filter(
        c => c.metadata.name === 'checkout-api',
      );

      const before = await gatherReadinessFacts(sources, checkout, context());
      expect(factsOf(before, checkoutRef).onCall).toMatchObject({
        state: 'awaiting-sync',
        freshness: { sourceId: 'pagerduty:default', asOf: null },
      });

      await store.registerSource(onCallProvider.source);
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: makeSnapshot(['PCHKOUT'], { now }),
        syncedAt: minutesAgo(90),
      });
      await store.recordSyncFailure({
        source: onCallProvider.source,
        error: 'PagerDuty answered 503',
        attemptedAt: minutesAgo(1),
      });
      const after = await gatherReadinessFacts(sources, checkout, context());
      // Last-known data is still used, marked stale since its last success.
      expect(factsOf(after, checkoutRef).onCall).toMatchObject({
        state: 'ok',
        freshness: {
          sourceId: 'pagerduty:default',
          asOf: minutesAgo(90).toISOString(),
          stale: true,
        },
        service: expect.objectContaining({ id: 'PCHKOUT' }),
      });
      // An SLO source that never measured is not fresh either.
      expect(factsOf(after, checkoutRef).alertRules.freshness).toEqual([
        { sourceId: 'metrics:east', asOf: null, stale: false },
        { sourceId: 'metrics:west', asOf: null, stale: false },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'gathers the open readiness reviews of every entity in one query, on %p',
    async databaseId => {
      const { sources, knex } = await createReadinessSources(
        databases,
        databaseId,
        fleet,
      );
      const reviewStore = new DatabaseReviewStore(knex);
      const created = {
        at: now.toISOString(),
        actor: 'user:default/dana',
        action: 'created',
      };
      const open = storedReview({
        entityRef: checkoutRef,
        state: 'drifted',
        body: {
          drift: [
            { kind: 'check-failing', message: 'x', since: now.toISOString() },
          ],
        },
      });
      await reviewStore.createReview(open, created);
      const cancelled = storedReview({
        id: '00000000-0000-4000-8000-000000000002',
        entityRef: checkoutRef,
        stage: 'beta',
        state: 'cancelled',
      });
      await reviewStore.createReview(cancelled, created);
      const listReviews = jest.spyOn(reviewStore, 'listReviewHeads');
      sources.reviews = {
        store: reviewStore,
        templates: testReviewConfig().templates,
      };

      const gathered = await gatherReadinessFacts(
        sources,
        components,
        context(),
      );
      expect(listReviews).toHaveBeenCalledTimes(1);
      expect(factsOf(gathered, checkoutRef).reviews).toEqual({
        offeredStages: ['beta', 'ga'],
        reviews: [
          {
            id: open.id,
            stage: 'ga',
            templateId: 'ga-readiness',
            state: 'drifted',
            driftCount: 1,
            updatedAt: open.updatedAt,
          },
        ],
      });
      expect(
        factsOf(gathered, 'component:default/fraud-detector').reviews,
      ).toEqual({ offeredStages: ['beta', 'ga'], reviews: [] });

      // Without templates, entities get no reviews fact.
      sources.reviews = { store: reviewStore, templates: [] };
      const without = await gatherReadinessFacts(
        sources,
        components,
        context(),
      );
      expect(factsOf(without, checkoutRef).reviews).toBeUndefined();
    },
  );
});
