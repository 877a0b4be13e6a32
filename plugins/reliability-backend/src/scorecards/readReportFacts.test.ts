import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  RotationDailyRow,
  ServiceDailyRow,
} from '../reports/metrics/dailyRowTypes';
import { DatabaseReportStore } from '../reports/store/DatabaseReportStore';
import { readReportFacts } from './readReportFacts';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const SOURCE = 'pagerduty:default';
const OTHER = 'pagerduty:other';
// The window is 2026-10-26 up to, not including, 2026-11-23 (today).
const now = new Date('2026-11-23T12:00:00.000Z');

function serviceRow(
  serviceId: string,
  day: string,
  figures: Partial<ServiceDailyRow>,
): ServiceDailyRow {
  return {
    serviceId,
    day,
    timeZone: 'UTC',
    high: 0,
    low: 0,
    ack: { count: 0, sumMs: 0, histogram: [] },
    unacknowledged: 0,
    resolve: { count: 0, sumMs: 0, histogram: [] },
    unresolved: 0,
    openAtDayEnd: 0,
    longest: null,
    noise: 0,
    changes: 0,
    failedChanges: 0,
    ...figures,
  };
}

function rotationRow(
  rotationId: string,
  day: string,
  figures: Pick<RotationDailyRow, 'shifts' | 'pages' | 'offHoursPages'>,
): RotationDailyRow {
  return {
    rotationId,
    day,
    timeZone: 'UTC',
    sleepHoursPages: 0,
    people: [],
    ...figures,
  };
}

describe('readReportFacts', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'sums the window of each entity from its own rows in one read per source, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseReportStore(await migratedDatabase(knex));
      await store.replaceDailyRows({
        sourceId: SOURCE,
        timeZone: 'UTC',
        fromDay: '2026-10-01',
        toDay: '2026-11-30',
        serviceRows: [
          // The day before the window and today are left out.
          serviceRow('PALPHA', '2026-10-25', {
            high: 5,
            noise: 5,
            changes: 10,
            failedChanges: 10,
          }),
          serviceRow('PALPHA', '2026-10-26', {
            high: 2,
            low: 1,
            noise: 1,
            changes: 3,
            failedChanges: 1,
          }),
          serviceRow('PALPHA', '2026-11-22', { high: 1, changes: 1 }),
          serviceRow('PALPHA', '2026-11-23', {
            high: 7,
            noise: 7,
            changes: 5,
            failedChanges: 5,
          }),
          serviceRow('PBETA', '2026-11-01', {}),
        ],
        rotationRows: [
          rotationRow('PPOL1', '2026-11-01', {
            shifts: 2,
            pages: 3,
            offHoursPages: 1,
          }),
          rotationRow('PPOL1', '2026-11-02', {
            shifts: 1,
            pages: 0,
            offHoursPages: 0,
          }),
          rotationRow('PPOL1', '2026-11-23', {
            shifts: 1,
            pages: 9,
            offHoursPages: 9,
          }),
        ],
      });
      // Another source's service of the same id must not leak in.
      await store.replaceDailyRows({
        sourceId: OTHER,
        timeZone: 'UTC',
        fromDay: '2026-10-01',
        toDay: '2026-11-30',
        serviceRows: [
          serviceRow('PALPHA', '2026-11-01', { changes: 50, high: 50 }),
        ],
        rotationRows: [],
      });
      const syncedAt = new Date('2026-11-23T11:55:00.000Z');
      await store.recordReportSync({
        sourceId: SOURCE,
        historyStartMs: Date.parse('2025-11-23T00:00:00Z'),
        syncedUntilMs: syncedAt.getTime(),
        syncedAt,
        warnings: [],
      });
      const readServiceDays = jest.spyOn(store, 'readServiceDays');

      const facts = await readReportFacts(
        { store, timeZone: 'UTC', staleAfterMs: 30 * 60_000 },
        [
          {
            entityRef: 'component:default/alpha',
            sourceId: SOURCE,
            serviceId: 'PALPHA',
            rotationId: 'PPOL1',
          },
          {
            entityRef: 'component:default/beta',
            sourceId: SOURCE,
            serviceId: 'PBETA',
            rotationId: 'PPOL2',
          },
          {
            entityRef: 'component:default/gamma',
            sourceId: SOURCE,
            serviceId: 'PGAMMA',
          },
        ],
        now,
      );

      expect(readServiceDays).toHaveBeenCalledTimes(1);
      const period = {
        kind: 'days',
        timeZone: 'UTC',
        startDate: '2026-10-26',
        endDate: '2026-11-23',
        start: '2026-10-26T00:00:00.000Z',
        end: '2026-11-23T00:00:00.000Z',
      };
      const freshness = {
        sourceId: SOURCE,
        asOf: '2026-11-23T11:55:00.000Z',
        stale: false,
      };
      expect(facts.get('component:default/alpha')).toEqual({
        period,
        windowDays: 28,
        freshness,
        // 3 + 1 changes, 1 failed.
        changeFailure: {
          status: 'measured',
          changes: 4,
          failedChanges: 1,
          rate: 0.25,
        },
        // 2 + 1 + 1 incidents, 1 noise.
        alerts: { total: 4, noise: 1 },
        // 2 + 1 shifts, 3 + 0 pages, 1 outside business hours.
        onCall: {
          rotationId: 'PPOL1',
          shifts: 3,
          pages: 3,
          pagesPerShift: 1,
          offHoursPages: 1,
        },
      });
      // Rows without changes: no change data, not 0 %; no rotation rows.
      expect(facts.get('component:default/beta')).toEqual({
        period,
        windowDays: 28,
        freshness,
        changeFailure: {
          status: 'no-change-data',
          changes: 0,
          failedChanges: 0,
          rate: null,
        },
        alerts: { total: 0, noise: 0 },
        onCall: null,
      });
      // No rows at all: no report data.
      expect(facts.has('component:default/gamma')).toBe(false);

      // The other source's entity reads its own rows; never synced.
      const other = await readReportFacts(
        { store, timeZone: 'UTC', staleAfterMs: 30 * 60_000 },
        [
          {
            entityRef: 'component:default/other',
            sourceId: OTHER,
            serviceId: 'PALPHA',
          },
        ],
        now,
      );
      expect(other.get('component:default/other')).toMatchObject({
        freshness: null,
        changeFailure: { changes: 50, failedChanges: 0 },
        alerts: { total: 50, noise: 0 },
      });

      // An hour later the same sync is stale.
      const later = await readReportFacts(
        { store, timeZone: 'UTC', staleAfterMs: 30 * 60_000 },
        [
          {
            entityRef: 'component:default/alpha',
            sourceId: SOURCE,
            serviceId: 'PALPHA',
          },
        ],
        new Date('2026-11-23T13:00:00.000Z'),
      );
      expect(later.get('component:default/alpha')?.freshness?.stale).toBe(true);
    },
  );
});
