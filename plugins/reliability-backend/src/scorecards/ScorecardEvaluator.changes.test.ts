import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import type { ScorecardRubric } from '@preflight/plugin-reliability-common';
import knexFactory from 'knex';
import {
  createReadinessSources,
  entity,
  sloDefinition,
  sloMeasurement,
} from '../__testUtils__/readinessFixtures';
import { makeSnapshot, makeStats } from '../__testUtils__/snapshotFixtures';
import type { ReportStore } from '../reports/store/ReportStore';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { ScorecardEvaluator } from './ScorecardEvaluator';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(120_000);

// 10:00 UTC; the day rolls over 14 hours later.
const start = new Date('2026-11-22T10:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

/** A catalog entity as the catalog serves it: with an etag. */
function served(item: Entity, etag: string): Entity {
  return { ...item, metadata: { ...item.metadata, etag } };
}

const owner = served(
  entity('Group', 'team-a', { spec: { type: 'team', children: [] } }),
  'g1',
);
const paging = (name: string, serviceId: string) =>
  served(
    entity('Component', name, {
      annotations: { 'pagerduty.com/service-id': serviceId },
      spec: { type: 'service', owner: 'team-a' },
    }),
    `${name}-1`,
  );
const alpha = paging('alpha', 'PALPHA1');
const beta = paging('beta', 'PBETA01');
const gamma = served(
  entity('Component', 'gamma', {
    annotations: { 'preflight.dev/openslo': 'slos.yaml' },
    spec: { type: 'service', owner: 'team-a' },
  }),
  'gamma-1',
);
const delta = served(
  entity('Component', 'delta', { spec: { type: 'service', owner: 'team-a' } }),
  'delta-1',
);
const ref = (name: string) => `component:default/${name}`;

function rubric(version: string): {
  checks: ScorecardCheck[];
  rubric: ScorecardRubric;
} {
  const check: ScorecardCheck = {
    id: 'test-owner',
    defaults: {
      title: 'Owner',
      category: 'ownership',
      description: 'Has an owner.',
      fix: { text: 'Set spec.owner.' },
      appliesTo: { kinds: ['component'] },
    },
    evaluate: ({ facts }) =>
      facts.owner
        ? { state: 'pass', message: 'Owned.', facts: [] }
        : { state: 'fail', message: 'No owner.', facts: [] },
  };
  return {
    checks: [check],
    rubric: {
      checks: [
        {
          id: check.id,
          implementation: check.id,
          title: check.defaults.title,
          category: check.defaults.category,
          description: check.defaults.description,
          fix: check.defaults.fix,
          appliesTo: check.defaults.appliesTo ?? {},
          params: {},
          paramsByTier: {},
        },
      ],
      levels: [{ id: 'bronze', title: 'Bronze', checks: ['test-owner'] }],
      version,
    },
  };
}

const east = { id: 'metrics:east', type: 'metrics', displayName: 'East' };

/** A report sync of the on-call source that always folds the same rows. */
async function reportSync(reportStore: ReportStore, at: Date) {
  await reportStore.replaceDailyRows({
    sourceId: 'pagerduty:default',
    timeZone: 'UTC',
    fromDay: '2026-11-01',
    toDay: '2026-11-22',
    serviceRows: ['PALPHA1', 'PBETA01'].map(serviceId => ({
      serviceId,
      day: '2026-11-21',
      timeZone: 'UTC',
      high: 2,
      low: 0,
      ack: { count: 0, sumMs: 0, histogram: [] },
      unacknowledged: 2,
      resolve: { count: 0, sumMs: 0, histogram: [] },
      unresolved: 2,
      openAtDayEnd: 2,
      longest: null,
      noise: 0,
      changes: 1,
      failedChanges: 0,
    })),
    rotationRows: [],
  });
  await reportStore.recordReportSync({
    sourceId: 'pagerduty:default',
    historyStartMs: start.getTime() - 365 * 86_400_000,
    syncedUntilMs: at.getTime(),
    syncedAt: at,
    warnings: [],
  });
}

describe('ScorecardEvaluator change detection', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const ctx = await createReadinessSources(databases, databaseId, []);
    const { store, sloStore, onCallProvider } = ctx;
    await store.registerSource(onCallProvider.source);
    await store.replaceSourceSnapshot({
      source: onCallProvider.source,
      snapshot: makeSnapshot(['PALPHA1', 'PBETA01'], { now: start }),
      syncedAt: start,
    });
    await sloStore.replaceDeclarations([
      {
        entityRef: ref('gamma'),
        slos: [
          {
            definition: sloDefinition(ref('gamma'), 'gamma'),
            sourceId: east.id,
          },
        ],
        problems: [],
      },
    ]);
    await sloStore.recordSourceMeasurement({
      source: east,
      measuredAt: start,
      statuses: [sloMeasurement(ref('gamma'), 'gamma', 5)],
      warnings: [],
    });
    await reportSync(ctx.reportStore, start);
    // Sources stay fresh for the whole test: staleness is not under test.
    ctx.sources.onCallStaleAfterMs = 7 * 24 * 3600_000;
    ctx.sources.sloStaleAfterMs = 7 * 24 * 3600_000;
    ctx.sources.reports!.staleAfterMs = 7 * 24 * 3600_000;

    const scorecardStore = await DatabaseScorecardStore.create(ctx.knex);
    const declarations = jest.spyOn(sloStore, 'getDeclarationsForEntities');
    /** Entities whose facts were gathered since the last call. */
    const gathered = () => {
      const refs = declarations.mock.calls.flatMap(([asked]) => asked).sort();
      declarations.mockClear();
      return refs;
    };
    const evaluatorFor = (
      catalogEntities: Entity[],
      now: Date,
      options: { version?: string; store?: DatabaseScorecardStore } = {},
    ) => {
      const catalog = catalogServiceMock({ entities: catalogEntities });
      const { checks, rubric: r } = rubric(options.version ?? 'v1');
      return new ScorecardEvaluator({
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        scorecardStore: options.store ?? scorecardStore,
        facts: { ...ctx.sources, catalog },
        config: { rubric: r, kinds: ['component'], retentionDays: 400 },
        checks,
        // Several catalog pages and fact batches even for a small fleet.
        pageSize: 2,
        now: () => now,
      });
    };
    return { ...ctx, scorecardStore, gathered, evaluatorFor };
  }

  const fleet = [owner, alpha, beta, gamma, delta];

  it.each(databases.eachSupportedId())(
    're-gathers exactly the entities whose markers changed, on %p',
    async databaseId => {
      const {
        evaluatorFor,
        gathered,
        store,
        sloStore,
        reportStore,
        onCallProvider,
      } = await setup(databaseId);

      expect(await evaluatorFor(fleet, start).run()).toMatchObject({
        evaluated: 4,
        failed: 0,
      });
      expect(gathered()).toEqual(['alpha', 'beta', 'delta', 'gamma'].map(ref));

      // Nothing changed: no fact of any entity is read.
      expect(await evaluatorFor(fleet, minutes(5)).run()).toMatchObject({
        evaluated: 0,
        unchanged: 4,
        removed: 0,
      });
      expect(gathered()).toEqual([]);

      // A sync that stores the same data again changes nothing either...
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: makeSnapshot(['PALPHA1', 'PBETA01'], { now: start }),
        syncedAt: minutes(10),
      });
      await evaluatorFor(fleet, minutes(11)).run();
      expect(gathered()).toEqual([]);

      // ...nor does a report sync that folds the same daily rows again...
      await reportSync(reportStore, minutes(12));
      await evaluatorFor(fleet, minutes(13)).run();
      expect(gathered()).toEqual([]);

      // ...one that changes beta's incident figures re-gathers beta alone.
      const changed = makeSnapshot(['PALPHA1', 'PBETA01'], { now: start });
      changed.incidentStats[1] = { ...makeStats('PBETA01'), total: 42 };
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: changed,
        syncedAt: minutes(15),
      });
      await evaluatorFor(fleet, minutes(16)).run();
      expect(gathered()).toEqual([ref('beta')]);

      // A new SLO measurement re-gathers gamma alone.
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: minutes(20),
        statuses: [sloMeasurement(ref('gamma'), 'gamma', 9)],
        warnings: [],
      });
      await evaluatorFor(fleet, minutes(21)).run();
      expect(gathered()).toEqual([ref('gamma')]);

      // A new etag (delta changed in the catalog) re-gathers delta alone.
      const delta2 = served(
        { ...delta, spec: { ...delta.spec, owner: 'team-b' } },
        'delta-2',
      );
      const fleet2 = [owner, alpha, beta, gamma, delta2];
      expect(await evaluatorFor(fleet2, minutes(25)).run()).toMatchObject({
        evaluated: 1,
        unchanged: 3,
      });
      expect(gathered()).toEqual([ref('delta')]);

      // The next hour re-judges the entities with open incidents (alpha
      // and beta) and no other.
      await evaluatorFor(fleet2, minutes(65)).run();
      expect(gathered()).toEqual([ref('alpha'), ref('beta')]);

      // A rubric change re-evaluates everything.
      expect(
        await evaluatorFor(fleet2, minutes(70), { version: 'v2' }).run(),
      ).toMatchObject({ evaluated: 4 });
      expect(gathered()).toHaveLength(4);

      // The next UTC day re-judges everything (exemption expiry, dates).
      await evaluatorFor(fleet2, minutes(14 * 60 + 5), {
        version: 'v2',
      }).run();
      expect(gathered()).toHaveLength(4);
    },
  );

  it.each(databases.eachSupportedId())(
    'removes entities that left the catalog without gathering the others, on %p',
    async databaseId => {
      const { evaluatorFor, gathered, scorecardStore } = await setup(
        databaseId,
      );
      await evaluatorFor(fleet, start).run();
      gathered();

      const rest = fleet.filter(item => item !== gamma);
      expect(await evaluatorFor(rest, minutes(5)).run()).toMatchObject({
        evaluated: 0,
        unchanged: 3,
        removed: 1,
      });
      expect(gathered()).toEqual([]);
      expect(await scorecardStore.getScorecard(ref('gamma'))).toBeUndefined();
      expect([...(await scorecardStore.getInputMarks()).keys()].sort()).toEqual(
        ['alpha', 'beta', 'delta'].map(ref),
      );

      // Back in the catalog: gathered and stored again.
      expect(await evaluatorFor(fleet, minutes(10)).run()).toMatchObject({
        evaluated: 1,
        unchanged: 3,
      });
      expect(gathered()).toEqual([ref('gamma')]);
    },
  );

  it.each(databases.eachSupportedId())(
    'gathers again an entity whose facts failed, until they succeed, on %p',
    async databaseId => {
      const { evaluatorFor, gathered, sloStore } = await setup(databaseId);
      await evaluatorFor(fleet, start).run();
      gathered();

      // A new etag for alpha, while the SLO store fails.
      const alpha2 = served(alpha, 'alpha-2');
      const fleet2 = [owner, alpha2, beta, gamma, delta];
      const statuses = jest
        .spyOn(sloStore, 'getStatusSummariesForEntities')
        .mockRejectedValueOnce(new Error('database is locked'));
      expect(await evaluatorFor(fleet2, minutes(5)).run()).toMatchObject({
        failed: 1,
        unchanged: 3,
        removed: 0,
      });
      expect(gathered()).toEqual([ref('alpha')]);
      statuses.mockRestore();

      // Not forgotten: the next pass gathers it again.
      expect(await evaluatorFor(fleet2, minutes(6)).run()).toMatchObject({
        failed: 0,
        unchanged: 4,
      });
      expect(gathered()).toEqual([ref('alpha')]);
    },
  );

  it.each(databases.eachSupportedId())(
    'stores no mark when the results it stands for were not written, on %p',
    async databaseId => {
      const { evaluatorFor, gathered, scorecardStore } = await setup(
        databaseId,
      );
      const write = jest
        .spyOn(scorecardStore, 'writeScorecards')
        .mockRejectedValueOnce(new Error('connection reset'));
      await expect(evaluatorFor(fleet, start).run()).rejects.toThrow(
        'connection reset',
      );
      expect(await scorecardStore.getInputMarks()).toEqual(new Map());
      write.mockRestore();
      gathered();

      // Nothing is skipped on the strength of a mark: all gathered again.
      expect(await evaluatorFor(fleet, minutes(5)).run()).toMatchObject({
        evaluated: 4,
        failed: 0,
      });
      expect(gathered()).toEqual(['alpha', 'beta', 'delta', 'gamma'].map(ref));
      expect([...(await scorecardStore.getInputMarks()).keys()].sort()).toEqual(
        ['alpha', 'beta', 'delta', 'gamma'].map(ref),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    "leaves today's daily snapshots alone on a pass that changed nothing, on %p",
    async databaseId => {
      const { evaluatorFor, scorecardStore } = await setup(databaseId);
      const record = jest.spyOn(scorecardStore, 'recordDailySnapshots');
      await evaluatorFor(fleet, start).run();
      expect(record).toHaveBeenCalledTimes(1);

      await evaluatorFor(fleet, minutes(5)).run();
      expect(record).toHaveBeenCalledTimes(1);

      // A removal changes today's counts: recorded again.
      await evaluatorFor(
        fleet.filter(item => item !== delta),
        minutes(10),
      ).run();
      expect(record).toHaveBeenCalledTimes(2);
      expect(
        await scorecardStore.getDailyLevels(
          '*',
          start.toISOString().slice(0, 10),
        ),
      ).toEqual([{ day: '2026-11-22', counts: { bronze: 3 } }]);

      // The first pass of a new day records that day.
      await evaluatorFor(
        fleet.filter(item => item !== delta),
        minutes(14 * 60 + 5),
      ).run();
      expect(record).toHaveBeenCalledTimes(3);
      expect(await scorecardStore.hasDailySnapshots(minutes(14 * 60 + 5))).toBe(
        true,
      );
    },
  );

  it('lets a second replica on the same PostgreSQL database skip what the first evaluated', async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    const { evaluatorFor, gathered, knex, store, onCallProvider } = await setup(
      'POSTGRES_15',
    );
    const other = knexFactory({
      client: 'pg',
      connection: knex.client.config.connection,
    });
    try {
      const otherStore = await DatabaseScorecardStore.create(
        await migratedDatabase(other),
      );
      await evaluatorFor(fleet, start).run();
      gathered();

      // The other replica's next pass finds nothing to gather...
      expect(
        await evaluatorFor(fleet, minutes(5), { store: otherStore }).run(),
      ).toMatchObject({ evaluated: 0, unchanged: 4 });
      expect(gathered()).toEqual([]);

      // ...and, after a sync, exactly the entity whose rows changed.
      const changed = makeSnapshot(['PALPHA1', 'PBETA01'], { now: start });
      changed.services[0] = { ...changed.services[0], name: 'Alpha renamed' };
      await store.replaceSourceSnapshot({
        source: onCallProvider.source,
        snapshot: changed,
        syncedAt: minutes(6),
      });
      await evaluatorFor(fleet, minutes(7), { store: otherStore }).run();
      expect(gathered()).toEqual([ref('alpha')]);
      await evaluatorFor(fleet, minutes(8)).run();
      expect(gathered()).toEqual([]);
    } finally {
      await other.destroy();
    }
  });
});
