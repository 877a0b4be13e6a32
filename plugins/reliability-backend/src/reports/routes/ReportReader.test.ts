import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseReliabilityStore } from '../../oncall/DatabaseReliabilityStore';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { monthPeriod } from '../metrics/reportPeriod';
import { DatabaseReportStore } from '../store/DatabaseReportStore';
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
});
