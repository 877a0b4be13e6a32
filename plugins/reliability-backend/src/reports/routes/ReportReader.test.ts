import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseReliabilityStore } from '../../oncall/DatabaseReliabilityStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { monthPeriod } from '../metrics/reportPeriod';
import { DatabaseReportStore } from '../store/DatabaseReportStore';
import { DatabaseSloHistoryStore } from '../slo/DatabaseSloHistoryStore';
import { ReportReader } from './ReportReader';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const SOURCE = 'pagerduty:default';

function serviceRow(day: string, high: number): ServiceDailyRow {
  return {
    serviceId: 'PCHKOUT',
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

describe('ReportReader answers per data version', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  it('adds up the rows once per report sync, and again after the next one', async () => {
    const knex = await migratedDatabase(await databases.init('SQLITE_3'));
    const store = new DatabaseReliabilityStore(knex);
    const reportStore = new DatabaseReportStore(knex);
    const reader = new ReportReader({
      reportStore,
      store,
      ancestry: { getGroupDescendants: async () => [] },
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'checkout', namespace: 'default' },
            spec: { owner: 'team-payments' },
          },
        ],
      }),
      registry: {} as OnCallProviderRegistry,
      config: {
        timeZone: 'UTC',
        changeFailureWindowMinutes: 60,
      } as any,
      now: () => new Date('2026-04-02T00:00:00Z'),
    });
    const period = monthPeriod(2026, 3, 'UTC');
    const credentials = mockCredentials.user();
    const sync = async (high: number, syncedAt: string) => {
      await reportStore.replaceDailyRows({
        sourceId: SOURCE,
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-03-31',
        serviceRows: [serviceRow('2026-03-10', high)],
        rotationRows: [],
      });
      await reportStore.replaceReportEntities(SOURCE, [
        {
          entityRef: 'component:default/checkout',
          sourceId: SOURCE,
          serviceId: 'PCHKOUT',
          ownerRef: 'group:default/team-payments',
          title: 'checkout',
        },
      ]);
      await reportStore.recordReportSync({
        sourceId: SOURCE,
        historyStartMs: Date.parse('2025-01-01T00:00:00Z'),
        syncedUntilMs: Date.parse(syncedAt),
        syncedAt: new Date(syncedAt),
        warnings: [],
      });
    };
    // The database adds the rows up (one month-totals read per report);
    // no service row's JSON is read.
    const reads = jest.spyOn(reportStore, 'readMonthTotals');
    const rowReads = jest.spyOn(reportStore, 'readServiceDays');

    await sync(2, '2026-04-01T10:00:00Z');
    const first = await reader.organization(period, credentials);
    const again = await reader.organization(period, credentials);
    expect(first.incidents.total).toBe(2);
    expect(again.incidents.total).toBe(2);
    expect(reads).toHaveBeenCalledTimes(1);

    // The next sync (on any replica) moves the version: new figures.
    await sync(5, '2026-04-01T11:00:00Z');
    const after = await reader.organization(period, credentials);
    expect(after.incidents.total).toBe(5);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(rowReads).not.toHaveBeenCalled();
  });

  it('reads the versions once per burst, and the group and the SLO entities once per version and caller', async () => {
    const knex = await migratedDatabase(await databases.init('SQLITE_3'));
    const reportStore = new DatabaseReportStore(knex);
    const sloHistory = new DatabaseSloHistoryStore(knex);
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'checkout', namespace: 'default' },
          spec: { owner: 'team-payments' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-payments', namespace: 'default' },
          spec: { type: 'team', children: [] },
        },
      ],
    });
    const ancestry = {
      getGroupDescendants: jest.fn(async () => ['group:default/team-payments']),
    };
    const reader = new ReportReader({
      reportStore,
      store: new DatabaseReliabilityStore(knex),
      ancestry,
      catalog,
      registry: {} as OnCallProviderRegistry,
      config: { timeZone: 'UTC', changeFailureWindowMinutes: 60 } as any,
      now: () => new Date('2026-04-02T00:00:00Z'),
      sloHistory,
    });
    await reportStore.replaceDailyRows({
      sourceId: SOURCE,
      timeZone: 'UTC',
      fromDay: '2026-03-01',
      toDay: '2026-03-31',
      serviceRows: [serviceRow('2026-03-10', 2)],
      rotationRows: [],
    });
    await reportStore.replaceReportEntities(SOURCE, [
      {
        entityRef: 'component:default/checkout',
        sourceId: SOURCE,
        serviceId: 'PCHKOUT',
        ownerRef: 'group:default/team-payments',
        title: 'checkout',
      },
    ]);
    await reportStore.recordReportSync({
      sourceId: SOURCE,
      historyStartMs: Date.parse('2025-01-01T00:00:00Z'),
      syncedUntilMs: Date.parse('2026-04-01T10:00:00Z'),
      syncedAt: new Date('2026-04-01T10:00:00Z'),
      warnings: [],
    });
    const period = monthPeriod(2026, 3, 'UTC');
    const credentials = mockCredentials.user();
    const stateReads = jest.spyOn(reportStore, 'listReportSyncStates');
    const sloRefReads = jest.spyOn(sloHistory, 'listEntityRefs');
    const groupReads = jest.spyOn(catalog, 'getEntityByRef');

    // Ten requests arriving together share one read of the versions.
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        reader.group('group:default/team-payments', period, credentials),
      ),
    );
    expect(new Set(burst).size).toBe(1);
    expect(burst[0].incidents.total).toBe(2);
    expect(stateReads).toHaveBeenCalledTimes(1);
    // The group is read with the caller's credentials, once.
    expect(groupReads).toHaveBeenCalledTimes(1);
    expect(groupReads).toHaveBeenCalledWith('group:default/team-payments', {
      credentials,
    });

    // Later requests read the versions again, but neither the group (for
    // 30 seconds) nor the SLO entities (until the SLO history moves).
    await reader.group('group:default/team-payments', period, credentials);
    await reader.organization(period, credentials);
    await reader.organization(period, credentials);
    expect(stateReads).toHaveBeenCalledTimes(4);
    expect(groupReads).toHaveBeenCalledTimes(1);
    // The stored sub-groups too, for 30 seconds.
    expect(ancestry.getGroupDescendants).toHaveBeenCalledTimes(1);
    // One distinct-refs query for the group's span, one for the
    // organisation's: the same each time after.
    expect(sloRefReads).toHaveBeenCalledTimes(2);

    // Another caller's group is read with their own credentials.
    const other = mockCredentials.user('user:default/sam');
    await reader.group('group:default/team-payments', period, other);
    expect(groupReads).toHaveBeenCalledTimes(2);
    expect(groupReads).toHaveBeenLastCalledWith('group:default/team-payments', {
      credentials: other,
    });
  });
});
