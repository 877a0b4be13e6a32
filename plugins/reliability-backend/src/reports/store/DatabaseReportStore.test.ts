import { TestDatabases } from '@backstage/backend-test-utils';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { DatabaseReportStore } from './DatabaseReportStore';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const SOURCE = 'pagerduty:default';
const ms = (iso: string) => Date.parse(iso);

function serviceRow(serviceId: string, day: string, high = 1): ServiceDailyRow {
  return {
    serviceId,
    day,
    timeZone: 'UTC',
    high,
    low: 0,
    ack: { count: 0, sumMs: 0, histogram: [] },
    unacknowledged: high,
    resolve: { count: 0, sumMs: 0, histogram: [] },
    unresolved: high,
    openAtDayEnd: high,
    longest: null,
    noise: 0,
    changes: 0,
    failedChanges: 0,
  };
}

describe('DatabaseReportStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    return new DatabaseReportStore(await migratedDatabase(knex));
  }

  it.each(databases.eachSupportedId())(
    'upserts raw data by id and reads what a fold window needs, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.upsertReportData(SOURCE, {
        incidents: [
          {
            id: 'OLD-OPEN',
            title: 'x',
            serviceId: 'S1',
            status: 'triggered',
            urgency: 'high',
            createdAt: '2026-10-01T00:00:00Z',
            firstAcknowledgedAt: null,
            resolvedAt: null,
          },
          {
            id: 'OLD-CLOSED',
            title: 'x',
            serviceId: 'S1',
            status: 'resolved',
            urgency: 'low',
            createdAt: '2026-10-01T00:00:00Z',
            firstAcknowledgedAt: null,
            resolvedAt: '2026-10-02T00:00:00Z',
          },
          {
            id: 'IN',
            title: 'x',
            serviceId: 'S2',
            status: 'triggered',
            urgency: 'high',
            createdAt: '2026-11-05T10:00:00Z',
            firstAcknowledgedAt: null,
            resolvedAt: null,
          },
        ],
        changeEvents: [
          { id: 'C1', serviceId: 'S2', timestamp: '2026-11-05T09:30:00Z' },
          { id: 'C-LATE', serviceId: 'S2', timestamp: '2026-12-01T00:30:00Z' },
          { id: 'C-AFTER', serviceId: 'S2', timestamp: '2026-12-03T00:00:00Z' },
        ],
        shifts: [
          {
            policyId: 'P1',
            user: { id: 'U1', name: 'Ann', timeZone: 'Europe/Berlin' },
            start: '2026-10-28T00:00:00Z',
            end: '2026-11-04T00:00:00Z',
          },
          {
            policyId: 'P1',
            user: { id: 'U2', name: 'Bo' },
            start: '2026-09-01T00:00:00Z',
            end: '2026-09-08T00:00:00Z',
          },
        ],
      });
      // A later read of the same incident overwrites it: now resolved.
      await store.upsertReportData(SOURCE, {
        incidents: [
          {
            id: 'IN',
            title: 'x',
            serviceId: 'S2',
            status: 'resolved',
            urgency: 'high',
            createdAt: '2026-11-05T10:00:00Z',
            firstAcknowledgedAt: '2026-11-05T10:02:00Z',
            resolvedAt: '2026-11-05T11:00:00Z',
            autoResolved: false,
          },
        ],
        changeEvents: [],
        shifts: [],
      });
      // A re-read that no longer sees the acknowledgement keeps it.
      await store.upsertReportData(SOURCE, {
        incidents: [
          {
            id: 'IN',
            title: 'x',
            serviceId: 'S2',
            status: 'resolved',
            urgency: 'high',
            createdAt: '2026-11-05T10:00:00Z',
            firstAcknowledgedAt: null,
            resolvedAt: '2026-11-05T11:00:00Z',
            autoResolved: false,
          },
        ],
        changeEvents: [],
        shifts: [],
      });

      const inputs = await store.readFoldInputs(SOURCE, {
        fromMs: ms('2026-11-01T00:00:00Z'),
        toMs: ms('2026-12-01T00:00:00Z'),
        changesUntilMs: ms('2026-12-01T01:00:00Z'),
      });
      expect(inputs.incidents.map(i => i.id).sort()).toEqual([
        'IN',
        'OLD-OPEN',
      ]);
      expect(inputs.incidents.find(i => i.id === 'IN')).toEqual({
        id: 'IN',
        title: 'IN',
        serviceId: 'S2',
        status: 'resolved',
        urgency: 'high',
        createdAt: '2026-11-05T10:00:00.000Z',
        firstAcknowledgedAt: '2026-11-05T10:02:00.000Z',
        resolvedAt: '2026-11-05T11:00:00.000Z',
        autoResolved: false,
      });
      expect(inputs.changeEvents.map(c => c.id).sort()).toEqual([
        'C-LATE',
        'C1',
      ]);
      expect(inputs.shifts).toEqual([
        {
          policyId: 'P1',
          // The source's name is kept for the reports' people lists.
          user: { id: 'U1', name: 'Ann', timeZone: 'Europe/Berlin' },
          start: '2026-10-28T00:00:00.000Z',
          end: '2026-11-04T00:00:00.000Z',
        },
      ]);
      expect(await store.readPersonNames(['U1', 'NOBODY'])).toEqual(
        new Map([['U1', 'Ann']]),
      );
      expect(await store.oldestOpenIncidentMs(SOURCE)).toBe(
        ms('2026-10-01T00:00:00Z'),
      );
      expect(await store.oldestOpenIncidentMs('other:x')).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'replaces the daily rows of a day range only, and reads them by service, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.replaceDailyRows({
        sourceId: SOURCE,
        timeZone: 'UTC',
        fromDay: '2026-11-01',
        toDay: '2026-11-30',
        serviceRows: [
          serviceRow('S1', '2026-11-01'),
          serviceRow('S1', '2026-11-15'),
          serviceRow('S2', '2026-11-30'),
        ],
        rotationRows: [
          {
            rotationId: 'P1',
            day: '2026-11-02',
            timeZone: 'UTC',
            shifts: 1,
            pages: 0,
            offHoursPages: 0,
            sleepHoursPages: 0,
            people: [],
          },
        ],
      });
      // Re-folding the second half replaces its rows and keeps the first.
      await store.replaceDailyRows({
        sourceId: SOURCE,
        timeZone: 'UTC',
        fromDay: '2026-11-15',
        toDay: '2026-11-30',
        serviceRows: [serviceRow('S1', '2026-11-20', 3)],
        rotationRows: [],
      });
      const rows = await store.readServiceDays({
        timeZone: 'UTC',
        fromDay: '2026-11-01',
        toDay: '2026-12-01',
        services: [{ sourceId: SOURCE, id: 'S1' }],
      });
      expect(rows.map(r => [r.day, r.high]).sort()).toEqual([
        ['2026-11-01', 1],
        ['2026-11-20', 3],
      ]);
      // The upper bound is exclusive; other zones are not mixed in.
      expect(
        await store.readServiceDays({
          timeZone: 'UTC',
          fromDay: '2026-11-02',
          toDay: '2026-11-20',
          services: [{ sourceId: SOURCE, id: 'S1' }],
        }),
      ).toEqual([]);
      expect(
        await store.readServiceDays({
          timeZone: 'Europe/Berlin',
          fromDay: '2026-11-01',
          toDay: '2026-12-01',
          services: [{ sourceId: SOURCE, id: 'S1' }],
        }),
      ).toEqual([]);
      expect(
        await store.readRotationDays({
          timeZone: 'UTC',
          fromDay: '2026-11-01',
          toDay: '2026-12-01',
          rotations: [{ sourceId: SOURCE, id: 'P1' }],
        }),
      ).toHaveLength(1);
    },
  );

  it.each(databases.eachSupportedId())(
    'digests each service and rotation over a window: equal rows, equal digest, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const write = (sourceId: string, s1High: number, pages: number) =>
        store.replaceDailyRows({
          sourceId,
          timeZone: 'UTC',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
          serviceRows: [
            serviceRow('S1', '2026-11-01', s1High),
            serviceRow('S1', '2026-11-10'),
            serviceRow('S2', '2026-11-10'),
            // Outside the window read below.
            serviceRow('S3', '2026-11-20'),
          ],
          rotationRows: [
            {
              rotationId: 'P1',
              day: '2026-11-02',
              timeZone: 'UTC',
              shifts: 1,
              pages,
              offHoursPages: 0,
              sleepHoursPages: 0,
              people: [],
            },
          ],
        });
      const window = {
        timeZone: 'UTC',
        fromDay: '2026-11-01',
        toDay: '2026-11-20',
      };
      await write(SOURCE, 1, 2);
      await write('other:x', 1, 2);
      const first = await store.readDayDigests(window);
      const ours = first.services.get(SOURCE)!;
      expect([...ours.keys()].sort()).toEqual(['S1', 'S2']);
      expect(ours.get('S1')).not.toBe(ours.get('S2'));
      // Same rows under another source: the same digests, kept apart.
      expect(first.services.get('other:x')).toEqual(ours);
      expect(first.rotations.get(SOURCE)?.get('P1')).toEqual(
        expect.any(String),
      );

      // Rewritten unchanged: nothing moves.
      await write(SOURCE, 1, 2);
      expect(await store.readDayDigests(window)).toEqual(first);

      // One service's row and the rotation's change: only theirs move.
      await write(SOURCE, 7, 3);
      const second = await store.readDayDigests(window);
      expect(second.services.get(SOURCE)?.get('S1')).not.toBe(ours.get('S1'));
      expect(second.services.get(SOURCE)?.get('S2')).toBe(ours.get('S2'));
      expect(second.rotations.get(SOURCE)?.get('P1')).not.toBe(
        first.rotations.get(SOURCE)?.get('P1'),
      );
      expect(second.services.get('other:x')).toEqual(ours);

      // A day leaving the window moves the digest too.
      const narrower = await store.readDayDigests({
        ...window,
        fromDay: '2026-11-02',
      });
      expect(narrower.services.get(SOURCE)?.get('S1')).not.toBe(
        second.services.get(SOURCE)?.get('S1'),
      );
      expect(narrower.services.get(SOURCE)?.get('S2')).toBe(ours.get('S2'));
      // Another zone's days are not mixed in.
      expect(
        await store.readDayDigests({ ...window, timeZone: 'Europe/Berlin' }),
      ).toEqual({ services: new Map(), rotations: new Map() });
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps sync state and the entity map per source, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      expect(await store.getReportSyncState(SOURCE)).toBeUndefined();
      const syncedAt = new Date('2026-12-02T10:00:00.000Z');
      await store.recordReportSync({
        sourceId: SOURCE,
        historyStartMs: ms('2025-11-01T00:00:00Z'),
        syncedUntilMs: syncedAt.getTime(),
        syncedAt,
        warnings: ['w'],
      });
      expect(await store.getReportSyncState(SOURCE)).toEqual({
        sourceId: SOURCE,
        historyStartMs: ms('2025-11-01T00:00:00Z'),
        syncedUntilMs: syncedAt.getTime(),
        syncedAt,
        warnings: ['w'],
      });
      expect(await store.listReportSyncStates()).toHaveLength(1);

      const entity = (name: string, owner: string | null) => ({
        entityRef: `component:default/${name}`,
        sourceId: SOURCE,
        serviceId: name.toUpperCase(),
        ownerRef: owner,
        title: name,
      });
      await store.replaceReportEntities(SOURCE, [
        entity('a', 'group:default/x'),
        entity('b', 'group:default/y'),
      ]);
      await store.replaceReportEntities(SOURCE, [
        entity('b', 'group:default/y'),
        entity('c', null),
      ]);
      expect((await store.listReportEntities()).map(e => e.entityRef)).toEqual([
        'component:default/b',
        'component:default/c',
      ]);
      expect(
        await store.listReportEntities({ ownerRefs: ['group:default/y'] }),
      ).toEqual([entity('b', 'group:default/y')]);
    },
  );
});
