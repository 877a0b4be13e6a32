import { TestDatabases } from '@backstage/backend-test-utils';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';
import {
  makeSnapshot,
  makeService,
  makeStats,
} from '../__testUtils__/snapshotFixtures';
import { DatabaseReliabilityStore } from './DatabaseReliabilityStore';
import { DATA_SCOPES } from '../database/dataVersions';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const source: OnCallSourceInfo = {
  id: 'pagerduty:default',
  type: 'pagerduty',
  displayName: 'PagerDuty (default)',
};
const otherSource: OnCallSourceInfo = {
  id: 'pagerduty:eu',
  type: 'pagerduty',
  displayName: 'PagerDuty (eu)',
};

describe('DatabaseReliabilityStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const store = new DatabaseReliabilityStore(await migratedDatabase(knex));
    return { knex, store };
  }

  it.each(databases.eachSupportedId())(
    'lists a registered source as never synced, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.registerSource(source);
      // Registering again (every backend start) must not reset anything.
      await store.registerSource({ ...source, displayName: 'Renamed' });

      expect(await store.listSourceHealth()).toEqual([
        {
          id: source.id,
          type: 'pagerduty',
          displayName: 'Renamed',
          lastAttemptAt: null,
          lastSuccessAt: null,
          lastError: null,
          errorSince: null,
          warnings: [],
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'moves the on-call data version with every write, and only then, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const version = () => store.getDataVersion([DATA_SCOPES.onCall]);
      const seen = [await version()];
      const expectGrown = async () => {
        const now = await version();
        expect(now).toBeGreaterThan(seen[seen.length - 1]);
        seen.push(now);
      };
      await store.registerSource(source);
      await expectGrown();
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT']),
        syncedAt: new Date(),
      });
      await expectGrown();
      await store.recordSyncFailure({
        source,
        error: 'timeout',
        attemptedAt: new Date(),
      });
      await expectGrown();
      await store.upsertServiceSnapshot({
        sourceId: source.id,
        snapshot: makeSnapshot(['PLEDGER']),
      });
      await expectGrown();
      // Reads leave it alone.
      await store.getServiceView(source.id, 'PCHKOUT');
      expect(await version()).toBe(seen[seen.length - 1]);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers until the next complete sync that a source could not list every service, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceSourceSnapshot({
        source,
        snapshot: {
          ...makeSnapshot(['PCHKOUT']),
          incompleteServices: { confirmedMissing: ['PNOSUCH'] },
        },
        syncedAt: new Date('2025-03-01T10:00:00.000Z'),
      });
      await store.replaceSourceSnapshot({
        source: otherSource,
        snapshot: makeSnapshot(['PEUONE1']),
        syncedAt: new Date('2025-03-01T10:00:00.000Z'),
      });

      expect(
        await store.getIncompleteServices([source.id, otherSource.id]),
      ).toEqual(new Map([[source.id, { confirmedMissing: ['PNOSUCH'] }]]));

      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT']),
        syncedAt: new Date('2025-03-01T10:05:00.000Z'),
      });
      expect(await store.getIncompleteServices([source.id])).toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces only the synced source and records its success, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const first = new Date('2025-03-01T10:00:00.000Z');
      const second = new Date('2025-03-01T10:05:00.000Z');

      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT', 'PLEDGER']),
        syncedAt: first,
      });
      await store.replaceSourceSnapshot({
        source: otherSource,
        snapshot: makeSnapshot(['PEUONE1']),
        syncedAt: first,
      });
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT'], { warnings: ['2 users hidden'] }),
        syncedAt: second,
      });

      expect(await store.getService(source.id, 'PCHKOUT')).toEqual(
        makeService('PCHKOUT'),
      );
      // Gone upstream, so gone here: the snapshot replaces the source's rows.
      expect(await store.getService(source.id, 'PLEDGER')).toBeUndefined();
      expect(
        await store.getIncidentStats(source.id, 'PLEDGER'),
      ).toBeUndefined();
      // The other source is untouched.
      expect(await store.getService(otherSource.id, 'PEUONE1')).toBeDefined();

      const policy = await store.getEscalationPolicy(source.id, 'PEPAY01');
      expect(policy?.levels.map(l => l.level)).toEqual([1, 2]);
      expect(policy?.shifts).toHaveLength(3);
      expect(await store.getIncidentStats(source.id, 'PCHKOUT')).toEqual(
        makeStats('PCHKOUT'),
      );

      expect(await store.listSourceHealth({ sourceIds: [source.id] })).toEqual([
        {
          id: source.id,
          type: 'pagerduty',
          displayName: 'PagerDuty (default)',
          lastAttemptAt: second.toISOString(),
          lastSuccessAt: second.toISOString(),
          lastError: null,
          errorSince: null,
          warnings: ['2 users hidden'],
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps last-known-good data when a sync fails, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const synced = new Date('2025-03-01T10:00:00.000Z');
      const failed1 = new Date('2025-03-01T10:05:00.000Z');
      const failed2 = new Date('2025-03-01T10:10:00.000Z');
      const recovered = new Date('2025-03-01T10:15:00.000Z');

      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT'], { warnings: ['kept'] }),
        syncedAt: synced,
      });
      await store.recordSyncFailure({
        source,
        error: 'PagerDuty answered 503',
        attemptedAt: failed1,
      });
      await store.recordSyncFailure({
        source,
        error: 'request timed out',
        attemptedAt: failed2,
      });

      expect(await store.getService(source.id, 'PCHKOUT')).toEqual(
        makeService('PCHKOUT'),
      );
      expect(
        await store.getEscalationPolicy(source.id, 'PEPAY01'),
      ).toBeDefined();
      expect(await store.listSourceHealth()).toEqual([
        expect.objectContaining({
          lastAttemptAt: failed2.toISOString(),
          lastSuccessAt: synced.toISOString(),
          lastError: 'request timed out',
          // The failures began with the first one, not the latest.
          errorSince: failed1.toISOString(),
          warnings: ['kept'],
        }),
      ]);

      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT']),
        syncedAt: recovered,
      });
      expect(await store.listSourceHealth()).toEqual([
        expect.objectContaining({
          lastSuccessAt: recovered.toISOString(),
          lastError: null,
          errorSince: null,
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'records a failure of a source that never synced, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const at = new Date('2025-03-01T10:00:00.000Z');
      await store.recordSyncFailure({ source, error: 'boom', attemptedAt: at });
      expect(await store.listSourceHealth()).toEqual([
        expect.objectContaining({
          id: source.id,
          lastAttemptAt: at.toISOString(),
          lastSuccessAt: null,
          lastError: 'boom',
          errorSince: at.toISOString(),
        }),
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'upserts one service without touching the rest of the source, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const syncedAt = new Date('2025-03-01T10:00:00.000Z');
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT', 'PLEDGER']),
        syncedAt,
      });

      await store.upsertServiceSnapshot({
        sourceId: source.id,
        snapshot: {
          services: [
            makeService('PCHKOUT', { name: 'checkout-api (renamed)' }),
          ],
          policies: [],
          incidentStats: [makeStats('PCHKOUT', { total: 99 })],
          warnings: [],
        },
      });
      await store.upsertServiceSnapshot({
        sourceId: source.id,
        snapshot: {
          services: [makeService('PNEWONE')],
          policies: [],
          incidentStats: [],
          warnings: [],
        },
      });

      expect((await store.getService(source.id, 'PCHKOUT'))?.name).toBe(
        'checkout-api (renamed)',
      );
      expect((await store.getIncidentStats(source.id, 'PCHKOUT'))?.total).toBe(
        99,
      );
      expect(await store.getService(source.id, 'PLEDGER')).toEqual(
        makeService('PLEDGER'),
      );
      expect(await store.getService(source.id, 'PNEWONE')).toBeDefined();
      // A refresh is not a sync: the source's health is unchanged.
      expect((await store.listSourceHealth())[0].lastSuccessAt).toBe(
        syncedAt.toISOString(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a 12,000-service snapshot, on %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const ids = Array.from({ length: 12_000 }, (_, i) => `PS${i}`);
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(ids),
        syncedAt: new Date(),
      });
      const [{ count }] = await knex('oncall_services').count({ count: '*' });
      expect(Number(count)).toBe(12_000);
      expect(await store.getService(source.id, 'PS11999')).toBeDefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves the previous snapshot intact when a replace fails midway, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const syncedAt = new Date('2025-03-01T10:00:00.000Z');
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(['PCHKOUT']),
        syncedAt,
      });

      // A service whose document cannot be serialized makes the insert of
      // the new rows fail after the old rows were deleted in the transaction.
      const broken = makeSnapshot(['PNEWONE']);
      (broken.services[0] as unknown as { self: unknown }).self = {
        toJSON() {
          throw new Error('not serializable');
        },
      };
      await expect(
        store.replaceSourceSnapshot({
          source,
          snapshot: broken,
          syncedAt: new Date('2025-03-01T10:05:00.000Z'),
        }),
      ).rejects.toThrow('not serializable');

      expect(await store.getService(source.id, 'PCHKOUT')).toBeDefined();
      expect(await store.getService(source.id, 'PNEWONE')).toBeUndefined();
      expect((await store.listSourceHealth())[0].lastSuccessAt).toBe(
        syncedAt.toISOString(),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'reads many services, policies and stats of one source at once, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const syncedAt = new Date('2025-03-01T10:00:00.000Z');
      const paymentsSnapshot = makeSnapshot(['PCHKOUT', 'PLEDGER', 'PPAYGW1']);
      const searchSnapshot = makeSnapshot(['PSEARCH'], { policyId: 'PESRC01' });
      await store.replaceSourceSnapshot({
        source,
        snapshot: {
          ...paymentsSnapshot,
          services: [...paymentsSnapshot.services, ...searchSnapshot.services],
          policies: [...paymentsSnapshot.policies, ...searchSnapshot.policies],
          // PLEDGER has no incident figures.
          incidentStats: [
            makeStats('PCHKOUT'),
            makeStats('PPAYGW1', { total: 2 }),
            makeStats('PSEARCH'),
          ],
        },
        syncedAt,
      });
      // The same ids in another source must not leak into the answer.
      await store.replaceSourceSnapshot({
        source: otherSource,
        snapshot: makeSnapshot(['PCHKOUT', 'PEUONE1']),
        syncedAt,
      });

      const services = await store.getServices(source.id, [
        'PSEARCH',
        'PCHKOUT',
        'PNOSUCH',
        'PCHKOUT',
        'PLEDGER',
      ]);
      expect(services.map(s => s.id).sort()).toEqual([
        'PCHKOUT',
        'PLEDGER',
        'PSEARCH',
      ]);
      expect(services.find(s => s.id === 'PCHKOUT')).toEqual(
        makeService('PCHKOUT'),
      );

      const policies = await store.getEscalationPolicies(source.id, [
        'PEPAY01',
        'PESRC01',
        'PENONE1',
      ]);
      expect(policies.map(p => p.id).sort()).toEqual(['PEPAY01', 'PESRC01']);
      expect(policies.find(p => p.id === 'PEPAY01')?.shifts).toHaveLength(3);

      const stats = await store.getIncidentStatsForServices(source.id, [
        'PCHKOUT',
        'PLEDGER',
        'PPAYGW1',
      ]);
      expect(
        stats
          .map(s => [s.serviceId, s.total])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ).toEqual([
        ['PCHKOUT', 7],
        ['PPAYGW1', 2],
      ]);

      expect(await store.getServices(source.id, [])).toEqual([]);
      expect(await store.getEscalationPolicies(source.id, [])).toEqual([]);
      expect(
        await store.getIncidentStatsForServices(otherSource.id, []),
      ).toEqual([]);
      expect(
        (await store.getServices(otherSource.id, ['PCHKOUT', 'PSEARCH'])).map(
          s => s.id,
        ),
      ).toEqual(['PCHKOUT']);
    },
  );

  it.each(databases.eachSupportedId())(
    'reads a list of ids longer than one query takes, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const ids = Array.from({ length: 1_200 }, (_, i) => `PS${i}`);
      await store.replaceSourceSnapshot({
        source,
        snapshot: makeSnapshot(ids),
        syncedAt: new Date(),
      });
      const asked = [...ids.filter((_, i) => i % 2 === 0), 'PNOSUCH'];
      const services = await store.getServices(source.id, asked);
      expect(services).toHaveLength(600);
      expect(new Set(services.map(s => s.id))).toEqual(
        new Set(asked.slice(0, 600)),
      );
      expect(
        await store.getIncidentStatsForServices(source.id, asked),
      ).toHaveLength(600);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists and prunes refresh requests by entity and actor, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const t = (s: number) => new Date(Date.UTC(2025, 2, 1, 10, 0, s));
      await store.recordRefreshRequest({
        entityRef: 'component:default/a',
        actorRef: 'user:default/alice',
        requestedAt: t(0),
      });
      await store.recordRefreshRequest({
        entityRef: 'component:default/b',
        actorRef: 'user:default/alice',
        requestedAt: t(20),
      });
      await store.recordRefreshRequest({
        entityRef: 'component:default/a',
        actorRef: 'user:default/bob',
        requestedAt: t(40),
      });

      expect(
        await store.listRefreshRequestTimes({
          entityRef: 'component:default/a',
          since: t(0),
        }),
      ).toEqual([t(0), t(40)]);
      expect(
        await store.listRefreshRequestTimes({
          actorRef: 'user:default/alice',
          since: t(10),
        }),
      ).toEqual([t(20)]);

      expect(await store.deleteRefreshRequestsBefore(t(30))).toBe(2);
      expect(
        await store.listRefreshRequestTimes({
          entityRef: 'component:default/a',
          since: t(0),
        }),
      ).toEqual([t(40)]);
    },
  );
});
