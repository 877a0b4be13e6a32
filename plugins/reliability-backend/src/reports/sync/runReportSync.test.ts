import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type {
  OnCallProvider,
  OnCallReportData,
  OnCallReportIncident,
} from '@preflight/plugin-reliability-node';
import { DatabaseReliabilityStore } from '../../oncall/DatabaseReliabilityStore';
import type { RegisteredOnCallSource } from '../../oncall/OnCallProviderRegistry';
import { readReportConfig } from '../config/readReportConfig';
import { DatabaseReportStore } from '../store/DatabaseReportStore';
import { runReportSync } from './runReportSync';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const source = {
  id: 'pagerduty:default',
  type: 'pagerduty',
  displayName: 'PagerDuty (default)',
};

function incident(
  id: string,
  fields: Partial<OnCallReportIncident>,
): OnCallReportIncident {
  return {
    id,
    title: id,
    serviceId: 'S1',
    status: 'resolved',
    urgency: 'high',
    createdAt: '',
    firstAcknowledgedAt: null,
    resolvedAt: null,
    ...fields,
  };
}

// Tuesday 10 November 2026, UTC: A (10:00, acknowledged after 4 min,
// resolved after 30) follows change C1 (09:30) by 30 min, within the
// 60-minute window: C1 failed. B (23:00, never acknowledged, resolved after
// 3 min) is noise, and at night. C2 on the 20th is followed by nothing.
// D was opened on Sunday 1 November and is still open at the first sync.
const firstRead: OnCallReportData = {
  incidents: [
    incident('A', {
      createdAt: '2026-11-10T10:00:00Z',
      firstAcknowledgedAt: '2026-11-10T10:04:00Z',
      resolvedAt: '2026-11-10T10:30:00Z',
    }),
    incident('B', {
      createdAt: '2026-11-10T23:00:00Z',
      resolvedAt: '2026-11-10T23:03:00Z',
    }),
    incident('D', {
      status: 'triggered',
      urgency: 'low',
      createdAt: '2026-11-01T08:00:00Z',
    }),
  ],
  changeEvents: [
    { id: 'C1', serviceId: 'S1', timestamp: '2026-11-10T09:30:00Z' },
    { id: 'C2', serviceId: 'S1', timestamp: '2026-11-20T12:00:00Z' },
  ],
  shifts: [
    {
      policyId: 'P1',
      user: { id: 'U1', name: 'Ann', timeZone: 'UTC' },
      start: '2026-11-09T00:00:00Z',
      end: '2026-11-16T00:00:00Z',
    },
  ],
  warnings: [],
};

describe('runReportSync', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function setUp() {
    const knex = await migratedDatabase(await databases.init('SQLITE_3'));
    const store = new DatabaseReliabilityStore(knex);
    const reportStore = new DatabaseReportStore(knex);
    await store.replaceSourceSnapshot({
      source,
      snapshot: {
        services: [
          { id: 'S1', name: 'Checkout', escalationPolicyId: 'P1', teams: [] },
        ],
        policies: [],
        incidentStats: [],
        warnings: [],
      },
      syncedAt: new Date('2026-12-02T12:00:00Z'),
    });
    const reads: OnCallReportData[] = [];
    const syncReportData = jest.fn(async () => reads.shift()!);
    const provider = {
      type: 'pagerduty',
      syncReportData,
    } as unknown as OnCallProvider;
    const registered = { provider, source } as RegisteredOnCallSource;
    const config = readReportConfig(
      new ConfigReader({ reliability: { reports: { historyDays: 40 } } }),
    );
    const sync = (now: string) =>
      runReportSync({
        registered,
        reportStore,
        store,
        config,
        logger: mockServices.logger.mock(),
        now: () => new Date(now),
        mappedEntities: async () => [
          {
            entityRef: 'component:default/checkout',
            sourceId: source.id,
            serviceId: 'S1',
            ownerRef: 'group:default/team-a',
            title: 'Checkout',
          },
        ],
      });
    const rowsOf = (fromDay: string, toDay: string) =>
      reportStore.readServiceDays({
        timeZone: 'UTC',
        fromDay,
        toDay,
        services: [{ sourceId: source.id, id: 'S1' }],
      });
    return { reportStore, reads, syncReportData, sync, rowsOf };
  }

  it('reads the history window, stores it and folds the days it touched', async () => {
    const { reportStore, reads, syncReportData, sync, rowsOf } = await setUp();
    reads.push(structuredClone(firstRead));
    expect(await sync('2026-12-02T12:00:00Z')).toMatchObject({
      status: 'succeeded',
    });
    expect(syncReportData).toHaveBeenCalledWith(source.id, {
      signal: expect.anything(),
      since: new Date('2026-10-23T12:00:00Z'),
      until: new Date('2026-12-02T12:00:00Z'),
    });

    const rows = await rowsOf('2026-10-01', '2026-12-03');
    const tenth = rows.find(row => row.day === '2026-11-10')!;
    expect(tenth).toMatchObject({
      high: 2,
      low: 0,
      ack: { count: 1, sumMs: 240_000 },
      unacknowledged: 1,
      resolve: { count: 2, sumMs: 1_800_000 + 180_000 },
      unresolved: 0,
      // D, opened on the 1st, is still open.
      openAtDayEnd: 1,
      noise: 1,
      changes: 1,
      failedChanges: 1,
      longest: { incidentId: 'A', durationMs: 1_800_000 },
    });
    expect(rows.find(row => row.day === '2026-11-20')).toMatchObject({
      changes: 1,
      failedChanges: 0,
      openAtDayEnd: 1,
    });
    // D keeps every day from the 1st to today open at its end.
    expect(rows.map(row => row.day)).toHaveLength(32);
    expect(rows.every(row => row.openAtDayEnd === 1)).toBe(true);

    const rotation = await reportStore.readRotationDays({
      timeZone: 'UTC',
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      rotations: [{ sourceId: source.id, id: 'P1' }],
    });
    // The one-week shift spreads over its seven days.
    expect(rotation.map(row => row.day).sort()).toEqual([
      '2026-11-09',
      '2026-11-10',
      '2026-11-11',
      '2026-11-12',
      '2026-11-13',
      '2026-11-14',
      '2026-11-15',
    ]);
    const paged = rotation.find(row => row.day === '2026-11-10')!;
    expect(paged.shifts).toBeCloseTo(1 / 7, 12);
    // A at 10:00 on a Tuesday is in business hours; B at 23:00 is off
    // hours and in sleep hours.
    expect(paged).toMatchObject({
      pages: 2,
      offHoursPages: 1,
      sleepHoursPages: 1,
    });
    expect(await reportStore.listReportEntities()).toHaveLength(1);
    expect(await reportStore.getReportSyncState(source.id)).toMatchObject({
      historyStartMs: Date.parse('2026-10-23T12:00:00Z'),
      syncedUntilMs: Date.parse('2026-12-02T12:00:00Z'),
    });
  });

  it('re-reads recent days and re-folds from an old incident that changed since', async () => {
    const { reads, syncReportData, sync, rowsOf } = await setUp();
    reads.push(structuredClone(firstRead));
    await sync('2026-12-02T12:00:00Z');
    // D was resolved on the 3rd of November: only the changed incident
    // comes back, but every day from its creation on is re-folded.
    reads.push({
      incidents: [
        incident('D', {
          urgency: 'low',
          createdAt: '2026-11-01T08:00:00Z',
          resolvedAt: '2026-11-03T08:00:00Z',
        }),
      ],
      changeEvents: [],
      shifts: [],
      warnings: ['analytics lag'],
    });
    expect(await sync('2026-12-03T12:00:00Z')).toMatchObject({
      status: 'succeeded',
    });
    expect(syncReportData).toHaveBeenLastCalledWith(source.id, {
      signal: expect.anything(),
      since: new Date('2026-11-29T12:00:00Z'),
      until: new Date('2026-12-03T12:00:00Z'),
      changedSince: new Date('2026-11-29T12:00:00Z'),
    });
    const rows = await rowsOf('2026-10-01', '2026-12-04');
    expect(rows.map(row => [row.day, row.openAtDayEnd]).sort()).toEqual([
      ['2026-11-01', 1],
      ['2026-11-02', 1],
      ['2026-11-10', 0],
      ['2026-11-20', 0],
    ]);
    // D's creation day holds its time to resolve, two days.
    expect(rows.find(row => row.day === '2026-11-01')).toMatchObject({
      low: 1,
      resolve: { count: 1, sumMs: 2 * 86_400_000 },
    });
  });

  it('keeps the rows and notes the failure when the read fails', async () => {
    const { reportStore, syncReportData, sync, reads, rowsOf } = await setUp();
    reads.push(structuredClone(firstRead));
    await sync('2026-12-02T12:00:00Z');
    syncReportData.mockRejectedValueOnce(new Error('PagerDuty said 500'));
    expect(await sync('2026-12-03T12:00:00Z')).toEqual({
      status: 'failed',
      error: 'PagerDuty said 500',
    });
    expect(await rowsOf('2026-11-10', '2026-11-11')).toHaveLength(1);
    const state = await reportStore.getReportSyncState(source.id);
    expect(state?.syncedUntilMs).toBe(Date.parse('2026-12-02T12:00:00Z'));
    expect(state?.warnings[0]).toMatch(/failed .*PagerDuty said 500/);
  });

  it('does nothing for a provider without report reads', async () => {
    const { reportStore } = await setUp();
    const outcome = await runReportSync({
      registered: {
        provider: { type: 'other' } as unknown as OnCallProvider,
        source,
      } as RegisteredOnCallSource,
      reportStore,
      store: {} as any,
      config: readReportConfig(new ConfigReader({})),
      logger: mockServices.logger.mock(),
    });
    expect(outcome).toEqual({ status: 'unsupported' });
  });
});
