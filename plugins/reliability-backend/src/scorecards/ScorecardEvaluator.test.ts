import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type {
  CheckContext,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';
import type { ScorecardRubric } from '@preflight/plugin-reliability-common';
import {
  createReadinessSources,
  entity,
} from '../__testUtils__/readinessFixtures';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardEvaluator } from './ScorecardEvaluator';

jest.setTimeout(60_000);

const day1 = new Date('2026-11-22T12:00:00.000Z');

/** Two catalog-only checks: an owner (bronze) and a runbook (silver). */
function testChecks() {
  const ownerSet = jest.fn(({ facts }: CheckContext) =>
    facts.owner
      ? { state: 'pass' as const, message: 'Owned.', facts: [] }
      : { state: 'fail' as const, message: 'No owner.', facts: [] },
  );
  const runbookLinked = jest.fn(({ facts }: CheckContext) =>
    facts.runbooks.length > 0
      ? { state: 'pass' as const, message: 'Runbook linked.', facts: [] }
      : { state: 'fail' as const, message: 'No runbook.', facts: [] },
  );
  const checks: ScorecardCheck[] = [
    {
      id: 'test-owner',
      defaults: {
        title: 'Owner',
        category: 'ownership',
        description: 'Has an owner.',
        fix: { text: 'Set spec.owner.' },
        appliesTo: { kinds: ['component'] },
      },
      evaluate: ownerSet,
    },
    {
      id: 'test-runbook',
      defaults: {
        title: 'Runbook',
        category: 'runbooks',
        description: 'Has a runbook.',
        fix: { text: 'Add a runbook link.' },
        appliesTo: { kinds: ['component'] },
      },
      evaluate: runbookLinked,
    },
  ];
  const rubric: ScorecardRubric = {
    checks: checks.map(check => ({
      id: check.id,
      implementation: check.id,
      title: check.defaults.title,
      category: check.defaults.category,
      description: check.defaults.description,
      fix: check.defaults.fix,
      appliesTo: check.defaults.appliesTo ?? {},
      params: {},
      paramsByTier: {},
    })),
    levels: [
      { id: 'bronze', title: 'Bronze', checks: ['test-owner'] },
      { id: 'silver', title: 'Silver', checks: ['test-runbook'] },
    ],
    version: 'test-v1',
  };
  return { checks, rubric, calls: () => ownerSet.mock.calls.length };
}

const runbook = [{ url: 'https://runbooks.example.com/x', type: 'runbook' }];

const groups: Entity[] = [
  entity('Group', 'org', {
    spec: { type: 'org', children: ['team-payments'] },
  }),
  entity('Group', 'team-payments', {
    spec: { type: 'team', parent: 'org', children: [] },
  }),
  entity('Group', 'team-checkout', {
    spec: { type: 'team', children: [] },
    relations: [{ type: 'childOf', targetRef: 'group:default/team-payments' }],
  }),
];
const checkout = entity('Component', 'checkout-api', {
  spec: { type: 'service', owner: 'team-checkout' },
  links: runbook,
});
const fraud = entity('Component', 'fraud-detector', {
  spec: { type: 'service', owner: 'team-payments' },
});
// Not in the scorecard's kinds; never stored.
const domain = entity('Domain', 'commerce', { spec: { owner: 'org' } });

describe('ScorecardEvaluator', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setup(entities: Entity[]) {
    const ctx = await createReadinessSources(databases, 'SQLITE_3', entities);
    const scorecardStore = await DatabaseScorecardStore.create(ctx.knex);
    const test = testChecks();
    const evaluatorFor = (catalogEntities: Entity[], now: Date) => {
      const catalog = catalogServiceMock({ entities: catalogEntities });
      return new ScorecardEvaluator({
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        scorecardStore,
        facts: { ...ctx.sources, catalog },
        config: {
          rubric: test.rubric,
          kinds: ['component', 'api', 'resource', 'system'],
          retentionDays: 400,
        },
        checks: test.checks,
        // Several pages even for a small fleet.
        pageSize: 1,
        now: () => now,
      });
    };
    return { ...ctx, scorecardStore, test, evaluatorFor };
  }

  it('evaluates every entity in scope, stores rows and the group hierarchy', async () => {
    const fleet = [...groups, checkout, fraud, domain];
    const { evaluatorFor, scorecardStore } = await setup(fleet);

    const summary = await evaluatorFor(fleet, day1).run();
    expect(summary).toMatchObject({
      evaluated: 2,
      unchanged: 0,
      removed: 0,
      failed: 0,
    });

    const stored = await scorecardStore.getScorecard(
      'component:default/checkout-api',
    );
    expect(stored?.scorecard).toMatchObject({
      level: { id: 'silver' },
      score: 100,
      rubricVersion: 'test-v1',
    });
    expect(stored?.row).toMatchObject({
      entityRef: 'component:default/checkout-api',
      kind: 'component',
      type: 'service',
      ownerRef: 'group:default/team-checkout',
      levelId: 'silver',
      score: 100,
      failingChecks: 0,
      onCallCovered: null,
      stale: false,
    });
    expect(
      (await scorecardStore.getScorecard('component:default/fraud-detector'))
        ?.row,
    ).toMatchObject({ levelId: 'bronze', score: 50, failingChecks: 1 });
    expect(
      await scorecardStore.getScorecard('domain:default/commerce'),
    ).toBeUndefined();

    // Sub-groups from spec.parent, spec.children and childOf relations.
    expect(
      await scorecardStore.getGroupDescendants('group:default/org'),
    ).toEqual([
      'group:default/org',
      'group:default/team-checkout',
      'group:default/team-payments',
    ]);
    expect(
      (await scorecardStore.getTeamRows('group:default/org')).map(
        row => row.entityRef,
      ),
    ).toEqual([
      'component:default/checkout-api',
      'component:default/fraud-detector',
    ]);
    expect(await scorecardStore.getLastEvaluatedAt()).not.toBeNull();

    // Entity pages read the entity and its owner as this run saw them.
    expect(
      await scorecardStore.getEntityPageSnapshot(
        'component:default/fraud-detector',
      ),
    ).toMatchObject({
      entity: { metadata: { name: 'fraud-detector' } },
      owner: { kind: 'Group', metadata: { name: 'team-payments' } },
    });
  });

  it('re-evaluates only changed entities and removes those that left', async () => {
    const fleet = [...groups, checkout, fraud];
    const { evaluatorFor, scorecardStore, test } = await setup(fleet);
    await evaluatorFor(fleet, day1).run();
    expect(test.calls()).toBe(2);
    const firstCheckout = await scorecardStore.getScorecard(
      'component:default/checkout-api',
    );

    // Nothing changed an hour later: nothing is evaluated or written.
    const later = new Date(day1.getTime() + 3600_000);
    expect(await evaluatorFor(fleet, later).run()).toMatchObject({
      evaluated: 0,
      unchanged: 2,
      removed: 0,
    });
    expect(test.calls()).toBe(2);
    expect(
      await scorecardStore.getScorecard('component:default/checkout-api'),
    ).toEqual(firstCheckout);

    // fraud-detector gains a runbook; checkout-api leaves the catalog.
    const fixedFraud = {
      ...fraud,
      metadata: { ...fraud.metadata, links: runbook },
    };
    const changed = [...groups, fixedFraud];
    expect(await evaluatorFor(changed, later).run()).toMatchObject({
      evaluated: 1,
      unchanged: 0,
      removed: 1,
    });
    expect(test.calls()).toBe(3);
    expect(
      (await scorecardStore.getScorecard('component:default/fraud-detector'))
        ?.row,
    ).toMatchObject({ levelId: 'silver', score: 100 });
    expect(
      await scorecardStore.getScorecard('component:default/checkout-api'),
    ).toBeUndefined();

    // A new UTC day re-judges everything (exemption expiry, dates).
    const nextDay = new Date('2026-11-23T00:10:00.000Z');
    expect(await evaluatorFor(changed, nextDay).run()).toMatchObject({
      evaluated: 1,
      unchanged: 0,
    });
  });

  it('keeps going when facts cannot be gathered, and never drops an entity silently', async () => {
    const fleet = [...groups, checkout];
    const { evaluatorFor, scorecardStore, sloStore } = await setup(fleet);
    await evaluatorFor(fleet, day1).run();
    const before = await scorecardStore.getScorecard(
      'component:default/checkout-api',
    );

    const newcomer = entity('Component', 'search-api', {
      spec: { type: 'service', owner: 'team-payments' },
    });
    // The SLO store is down for the whole run.
    jest
      .spyOn(sloStore, 'getDeclarationsForEntities')
      .mockRejectedValue(new Error('database is locked'));
    const later = new Date(day1.getTime() + 3600_000);
    const summary = await evaluatorFor([...fleet, newcomer], later).run();
    expect(summary).toMatchObject({ evaluated: 1, failed: 2, removed: 0 });

    // The known entity keeps its last scorecard...
    expect(
      await scorecardStore.getScorecard('component:default/checkout-api'),
    ).toEqual(before);
    // ...and the new one is stored with every applicable check in error,
    // saying why.
    const errored = await scorecardStore.getScorecard(
      'component:default/search-api',
    );
    expect(errored?.scorecard.checks).toEqual([
      expect.objectContaining({
        checkId: 'test-owner',
        state: 'error',
        message: expect.stringContaining('database is locked'),
      }),
      expect.objectContaining({ checkId: 'test-runbook', state: 'error' }),
    ]);
    expect(errored?.row).toMatchObject({
      ownerRef: 'group:default/team-payments',
      levelId: null,
      stale: true,
    });

    // Once the store is back, both are evaluated for real.
    jest.restoreAllMocks();
    expect(await evaluatorFor([...fleet, newcomer], later).run()).toMatchObject(
      {
        evaluated: 1,
        unchanged: 1,
        failed: 0,
      },
    );
    expect(
      (await scorecardStore.getScorecard('component:default/search-api'))?.row
        .levelId,
    ).toBe('bronze');
  });

  it('reads the next page while judging one, and stops with the error of a page that cannot be read', async () => {
    const fleet = [...groups, checkout, fraud];
    const { evaluatorFor, scorecardStore, test } = await setup(fleet);
    const evaluator = evaluatorFor(fleet, day1);
    let judgedAtSecondRead: number | undefined;
    const catalog = (evaluator as unknown as { options: { catalog: any } })
      .options.catalog;
    const read = catalog.getEntitiesByRefs.bind(catalog);
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    // The evaluation's page reads (owners are read through the same client).
    let pageReads = 0;
    catalog.getEntitiesByRefs = async (
      request: { entityRefs: string[] },
      ...rest: unknown[]
    ) => {
      if (request.entityRefs.every(ref => ref.startsWith('component:'))) {
        pageReads += 1;
        if (pageReads === 2) {
          judgedAtSecondRead = test.calls();
          throw new Error('catalog unavailable');
        }
      }
      return read(request, ...rest);
    };
    try {
      await expect(evaluator.run()).rejects.toThrow('catalog unavailable');
      // Page 2 was asked for before page 1 was judged, and nothing after
      // it failed.
      expect(judgedAtSecondRead).toBe(0);
      expect(pageReads).toBe(2);
      await new Promise(resolve => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
      // Nothing half-written: the run wrote no scorecard.
      expect(await scorecardStore.getFingerprints()).toEqual(new Map());
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
