import { TestDatabases } from '@backstage/backend-test-utils';
import type { SloSourceInfo } from '@preflight/plugin-reliability-node';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import {
  sloDefinition as definition,
  sloMeasurement as good,
} from '../__testUtils__/readinessFixtures';
import { DatabaseSloStore } from './DatabaseSloStore';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const east: SloSourceInfo = {
  id: 'metrics:east',
  type: 'metrics',
  displayName: 'Metrics (east)',
};
const west: SloSourceInfo = { ...east, id: 'metrics:west' };

const checkout = 'component:default/checkout-api';
const search = 'component:default/search-api';

describe('DatabaseSloStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStores(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await migratedDatabase(await databases.init(databaseId));
    const store = new DatabaseReliabilityStore(knex);
    const sloStore = new DatabaseSloStore(knex);
    return { store, sloStore };
  }

  async function declare(sloStore: DatabaseSloStore) {
    await sloStore.replaceDeclarations([
      {
        entityRef: checkout,
        slos: [
          { definition: definition(checkout, 'b-latency'), sourceId: east.id },
          {
            definition: definition(checkout, 'a-availability'),
            sourceId: east.id,
          },
        ],
        problems: [],
      },
      {
        entityRef: search,
        slos: [
          { definition: definition(search, 'search'), sourceId: west.id },
          { definition: definition(search, 'unlocated') },
        ],
        problems: [
          {
            entityRef: search,
            file: 'slos.yaml',
            sloName: 'broken',
            field: 'spec.objectives[0].target',
            message: 'target 1.5 is not between 0 and 1',
          },
        ],
      },
    ]);
  }

  it.each(databases.eachSupportedId())(
    'keeps declarations in order with their problems, on %p',
    async databaseId => {
      const { sloStore } = await createStores(databaseId);
      await declare(sloStore);

      const checkoutDeclarations = await sloStore.getDeclarations(checkout);
      expect(
        checkoutDeclarations.slos.map(s => [s.definition.id, s.sourceId]),
      ).toEqual([
        ['b-latency', east.id],
        ['a-availability', east.id],
      ]);
      expect(checkoutDeclarations.slos[0].definition).toEqual(
        definition(checkout, 'b-latency'),
      );
      const searchDeclarations = await sloStore.getDeclarations(search);
      expect(searchDeclarations.slos[1]).toEqual({
        definition: definition(search, 'unlocated'),
      });
      expect(searchDeclarations.problems).toEqual([
        expect.objectContaining({ sloName: 'broken' }),
      ]);
      expect(await sloStore.getDeclarations('component:default/none')).toEqual({
        entityRef: 'component:default/none',
        slos: [],
        problems: [],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last good evaluation when a measurement fails, on %p',
    async databaseId => {
      const { store, sloStore } = await createStores(databaseId);
      await declare(sloStore);
      const firstAt = new Date('2026-11-22T08:00:00Z');
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: firstAt,
        statuses: [good(checkout, 'a-availability', 5)],
        warnings: ['slow query'],
      });
      const [first] = await sloStore.getStatuses(checkout);
      expect(first).toMatchObject({
        sourceId: east.id,
        state: 'ok',
        evaluatedAt: firstAt.toISOString(),
        attemptedAt: firstAt.toISOString(),
      });
      expect(first.evaluation!.budgetRemaining).toBeCloseTo(0.5);

      const secondAt = new Date('2026-11-22T08:01:00Z');
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: secondAt,
        statuses: [
          {
            entityRef: checkout,
            sloId: 'a-availability',
            state: 'error',
            errors: ['query timed out'],
            warnings: [],
          },
        ],
        warnings: [],
      });
      const [second] = await sloStore.getStatuses(checkout);
      expect(second).toEqual({
        ...first,
        state: 'error',
        attemptedAt: secondAt.toISOString(),
        errors: ['query timed out'],
        warnings: [],
      });

      expect(await store.listSourceHealth({ sourceIds: [east.id] })).toEqual([
        {
          id: east.id,
          type: 'metrics',
          displayName: 'Metrics (east)',
          lastAttemptAt: secondAt.toISOString(),
          lastSuccessAt: secondAt.toISOString(),
          lastError: null,
          errorSince: null,
          warnings: [],
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'never touches another source’s statuses, on %p',
    async databaseId => {
      const { sloStore } = await createStores(databaseId);
      await declare(sloStore);
      const at = new Date('2026-11-22T08:00:00Z');
      await sloStore.recordSourceMeasurement({
        source: west,
        measuredAt: at,
        statuses: [good(search, 'search', 1)],
        warnings: [],
      });
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: at,
        statuses: [good(checkout, 'a-availability', 1)],
        warnings: [],
      });
      // East measures nothing any more: only its own rows go.
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: new Date('2026-11-22T08:01:00Z'),
        statuses: [],
        warnings: [],
      });
      expect(await sloStore.getStatuses(checkout)).toEqual([]);
      expect(await sloStore.getStatuses(search)).toEqual([
        expect.objectContaining({ sloId: 'search', state: 'ok' }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'forgets statuses of SLOs that are no longer declared, on %p',
    async databaseId => {
      const { sloStore } = await createStores(databaseId);
      await declare(sloStore);
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: new Date('2026-11-22T08:00:00Z'),
        statuses: [
          good(checkout, 'a-availability', 1),
          good(checkout, 'b-latency', 1),
        ],
        warnings: [],
      });
      await sloStore.replaceDeclarations([
        {
          entityRef: checkout,
          slos: [
            {
              definition: definition(checkout, 'b-latency'),
              sourceId: east.id,
            },
          ],
          problems: [],
        },
      ]);
      expect((await sloStore.getStatuses(checkout)).map(s => s.sloId)).toEqual([
        'b-latency',
      ]);
      expect((await sloStore.getDeclarations(search)).slos).toEqual([]);
    },
  );
  it.each(databases.eachSupportedId())(
    'reads the declarations and statuses of many entities at once, on %p',
    async databaseId => {
      const { sloStore } = await createStores(databaseId);
      await declare(sloStore);
      const at = new Date('2026-11-22T08:00:00Z');
      await sloStore.recordSourceMeasurement({
        source: east,
        measuredAt: at,
        statuses: [
          good(checkout, 'b-latency', 2),
          good(checkout, 'a-availability', 1),
        ],
        warnings: [],
      });
      await sloStore.recordSourceMeasurement({
        source: west,
        measuredAt: at,
        statuses: [good(search, 'search', 3)],
        warnings: [],
      });
      const none = 'component:default/none';

      const declarations = await sloStore.getDeclarationsForEntities([
        search,
        none,
        checkout,
      ]);
      // Same answers as one read per entity, in the order asked.
      expect(declarations).toEqual([
        await sloStore.getDeclarations(search),
        { entityRef: none, slos: [], problems: [] },
        await sloStore.getDeclarations(checkout),
      ]);

      const statuses = await sloStore.getStatusSummariesForEntities([
        search,
        checkout,
        none,
      ]);
      // The same statuses as one read per entity, but for their burn-downs.
      const withoutBurnDown = ({
        burnDown,
        ...summary
      }: Awaited<ReturnType<typeof sloStore.getStatuses>>[number]) => {
        expect(burnDown.length).toBeGreaterThan(0);
        return summary;
      };
      expect(statuses).toEqual(
        [
          ...(await sloStore.getStatuses(checkout)),
          ...(await sloStore.getStatuses(search)),
        ].map(withoutBurnDown),
      );
      expect(statuses[0]).not.toHaveProperty('burnDown');
      expect(statuses.map(s => [s.entityRef, s.sloId])).toEqual([
        [checkout, 'a-availability'],
        [checkout, 'b-latency'],
        [search, 'search'],
      ]);
      expect(await sloStore.getStatusSummariesForEntities([])).toEqual([]);
    },
  );
});
