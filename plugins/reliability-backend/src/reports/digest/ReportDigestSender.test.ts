import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { DatabaseReportStore } from '../store/DatabaseReportStore';
import { delta, groupReport } from './digestTestReport';
import { ReportDigestSender } from './ReportDigestSender';
import { migratedDatabase } from '../../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const SOURCE = 'pagerduty:default';

describe('ReportDigestSender', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    const reportStore = new DatabaseReportStore(await migratedDatabase(knex));
    await reportStore.replaceReportEntities(
      SOURCE,
      [
        ['checkout', 'group:default/team-payments'],
        ['ledger', 'group:default/team-payments'],
        ['search', 'group:default/team-search'],
        ['legacy', null],
      ].map(([name, ownerRef]) => ({
        entityRef: `component:default/${name}`,
        sourceId: SOURCE,
        serviceId: `P${name}`,
        ownerRef,
        title: name!,
      })),
    );
    let now = new Date('2026-11-03T08:00:00Z');
    const sent: NotificationSendOptions[] = [];
    const reader = {
      group: jest.fn(async (groupRef: string, period: { startDate: string }) =>
        groupReport(
          groupRef,
          groupRef.split('/')[1],
          [
            Number(period.startDate.slice(0, 4)),
            Number(period.startDate.slice(5, 7)),
          ],
          { incidents: delta(4, 2) },
        ),
      ),
    };
    const sender = (send: (m: NotificationSendOptions) => Promise<void>) =>
      new ReportDigestSender({
        reportStore,
        reader,
        notifications: { send },
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        timeZone: 'UTC',
        now: () => now,
        retryDelayMs: 0,
      });
    return {
      reportStore,
      sent,
      reader,
      sender,
      record: async (m: NotificationSendOptions) => {
        sent.push(m);
      },
      setNow: (at: string) => {
        now = new Date(at);
      },
    };
  }

  it.each(databases.eachSupportedId())(
    'digests each team once a month, with two replicas running the task, %p',
    async id => {
      const { sent, sender, record, setNow } = await setUp(id);
      const replicaA = sender(record);
      const replicaB = sender(record);
      const [a, b] = await Promise.all([replicaA.run(), replicaB.run()]);
      expect([...a!.sent, ...b!.sent].sort()).toEqual([
        'group:default/team-payments',
        'group:default/team-search',
      ]);
      expect(a!.alreadySent + b!.alreadySent).toBe(2);
      // Later runs in the same month send nothing.
      await replicaA.run();
      setNow('2026-11-30T23:00:00Z');
      await replicaB.run();
      expect(sent.map(m => m.payload.scope).sort()).toEqual([
        'reliability-report-digest:group:default/team-payments:2026-10',
        'reliability-report-digest:group:default/team-search:2026-10',
      ]);
      // The next month is digested again.
      setNow('2026-12-01T06:00:00Z');
      expect((await replicaA.run())!.sent).toHaveLength(2);
      expect(sent).toHaveLength(4);
      expect(sent[3].payload.title).toMatch(/for 2026-11$/);
    },
  );

  it.each(databases.eachSupportedId())(
    'tries a failed send again on the next run, %p',
    async id => {
      const { sent, sender, record } = await setUp(id);
      let failing = true;
      const flaky = sender(async m => {
        if (
          failing &&
          m.recipients.type === 'entity' &&
          m.recipients.entityRef === 'group:default/team-search'
        ) {
          throw new Error('connect ECONNREFUSED');
        }
        await record(m);
      });
      const first = await flaky.run();
      expect(first!.failed).toEqual(['group:default/team-search']);
      failing = false;
      const second = await flaky.run();
      expect(second!.sent).toEqual(['group:default/team-search']);
      expect(sent).toHaveLength(2);
    },
  );

  it('sends nothing and claims nothing without a notifications service', async () => {
    const { reportStore, sent, reader } = await setUp('SQLITE_3');
    const without = new ReportDigestSender({
      reportStore,
      reader,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      timeZone: 'UTC',
      now: () => new Date('2026-11-03T08:00:00Z'),
    });
    expect(await without.run()).toBeUndefined();
    expect(reader.group).not.toHaveBeenCalled();
    expect(sent).toHaveLength(0);
    expect(
      await reportStore.claimDigest(
        'group:default/team-search',
        '2026-10',
        new Date(),
      ),
    ).toBe(true);
  });

  it('does not retry all month when the notifications backend is not installed', async () => {
    const { sender } = await setUp('SQLITE_3');
    const absent = sender(async () => {
      throw new Error('Request failed with status 404 Not Found');
    });
    expect((await absent.run())!.notInstalled).toBe(2);
    const again = await absent.run();
    expect(again!.alreadySent).toBe(2);
    expect(again!.notInstalled).toBe(0);
  });
});
