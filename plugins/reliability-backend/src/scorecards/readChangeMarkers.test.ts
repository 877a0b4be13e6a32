import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import {
  createReadinessSources,
  sloDefinition,
  sloMeasurement,
} from '../__testUtils__/readinessFixtures';
import { makeSnapshot, makeStats } from '../__testUtils__/snapshotFixtures';
import type { ServiceDailyRow } from '../reports/metrics/dailyRowTypes';
import type { ReadinessRunContext } from './gatherReadinessFacts';
import { ChangeMarkers, EntityInputs } from './readChangeMarkers';

jest.setTimeout(120_000);

const start = new Date('2026-11-22T10:00:00.000Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
const east = { id: 'metrics:east', type: 'metrics', displayName: 'East' };
const sloRef = 'component:default/gamma';

const onAlpha: EntityInputs = {
  ownerRef: null,
  onCall: { sourceId: 'pagerduty:default', serviceId: 'PALPHA1' },
};
const onBeta: EntityInputs = {
  ownerRef: null,
  onCall: { sourceId: 'pagerduty:default', serviceId: 'PBETA01' },
};
const plain: EntityInputs = { ownerRef: null, onCall: null };

function serviceDay(
  serviceId: string,
  day: string,
  high: number,
): ServiceDailyRow {
  return {
    serviceId,
    day,
    timeZone: 'UTC',
    high,
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
  };
}

describe('ChangeMarkers', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'changes the mark of exactly the entities whose observations or source health changed, on %p',
    async databaseId => {
      const { sources, store, sloStore, reportStore, onCallProvider } =
        await createReadinessSources(databases, databaseId, []);
      await store.registerSource(onCallProvider.source);
      const sync = (at: Date, stats = makeStats('PBETA01')) =>
        store.replaceSourceSnapshot({
          source: onCallProvider.source,
          snapshot: {
            ...makeSnapshot(['PALPHA1', 'PBETA01'], { now: start }),
            incidentStats: [makeStats('PALPHA1'), stats],
          },
          syncedAt: at,
        });
      await sync(start);
      await sloStore.replaceDeclarations([
        {
          entityRef: sloRef,
          slos: [
            { definition: sloDefinition(sloRef, 'gamma'), sourceId: east.id },
          ],
          problems: [],
        },
      ]);
      const measure = (at: Date, bad: number) =>
        sloStore.recordSourceMeasurement({
          source: east,
          measuredAt: at,
          statuses: [sloMeasurement(sloRef, 'gamma', bad)],
          warnings: [],
        });
      await measure(start, 5);

      const marksAt = async (now: Date) => {
        const context: ReadinessRunContext = {
          credentials: mockCredentials.service(),
          now,
          alertRules: [],
          owners: new Map(),
        };
        const markers = await ChangeMarkers.read({
          sources,
          context,
          config: {
            rubric: { checks: [], levels: [], version: 'v1' },
            kinds: ['component'],
          },
          checks: [],
        });
        return {
          alpha: markers.markOf(
            'component:default/alpha',
            'e1',
            onAlpha,
            false,
          ),
          beta: markers.markOf('component:default/beta', 'e1', onBeta, false),
          gamma: markers.markOf(sloRef, 'e1', plain, false),
          delta: markers.markOf('component:default/delta', 'e1', plain, false),
        };
      };
      const first = await marksAt(minutes(1));
      expect(new Set(Object.values(first)).size).toBe(4);

      // Same data synced again later: no mark moves.
      await sync(minutes(2));
      await measure(start, 5);
      expect(await marksAt(minutes(3))).toEqual(first);

      // Beta's incident figures change: beta's mark alone.
      await sync(minutes(4), { ...makeStats('PBETA01'), total: 99 });
      const second = await marksAt(minutes(5));
      expect(second).toEqual({ ...first, beta: expect.any(String) });
      expect(second.beta).not.toBe(first.beta);

      // A new SLO measurement: gamma's mark alone.
      await measure(minutes(6), 9);
      const third = await marksAt(minutes(7));
      expect(third).toEqual({ ...second, gamma: expect.any(String) });
      expect(third.gamma).not.toBe(second.gamma);

      // Sixteen minutes after its sync, the on-call source is past the SLO
      // threshold (10 minutes) but not its own (30): with the SLO source
      // measured again (gamma's mark moves), no other mark does.
      await measure(minutes(19), 9);
      const later = await marksAt(minutes(20));
      expect(later).toEqual({ ...third, gamma: expect.any(String) });
      expect(later.gamma).not.toBe(third.gamma);

      // The on-call source goes stale with time alone: the marks of the
      // entities on it move, the others' do not. (The SLO source is kept
      // fresh: its alert rules are part of every entity's facts.)
      await measure(minutes(33), 9);
      const fresh = await marksAt(minutes(34));
      const stale = await marksAt(minutes(35));
      expect(stale).toEqual({
        ...fresh,
        alpha: expect.any(String),
        beta: expect.any(String),
      });
      expect(stale.alpha).not.toBe(fresh.alpha);
      expect(stale.beta).not.toBe(fresh.beta);

      // A report sync of the on-call source writes daily rows of both
      // services and of their rotation (both page escalation policy
      // PEPAY01): the marks of the entities on it move, the others' do not.
      const reportSync = async (at: Date, alphaHigh = 1, pages = 3) => {
        await reportStore.replaceDailyRows({
          sourceId: 'pagerduty:default',
          timeZone: 'UTC',
          fromDay: '2026-11-01',
          toDay: '2026-11-22',
          serviceRows: [
            serviceDay('PALPHA1', '2026-11-20', alphaHigh),
            serviceDay('PBETA01', '2026-11-20', 4),
          ],
          rotationRows: [
            {
              rotationId: 'PEPAY01',
              day: '2026-11-20',
              timeZone: 'UTC',
              shifts: 1,
              pages,
              offHoursPages: 0,
              sleepHoursPages: 0,
              people: [],
            },
          ],
        });
        await reportStore.recordReportSync({
          sourceId: 'pagerduty:default',
          historyStartMs: start.getTime() - 365 * 86_400_000,
          syncedUntilMs: at.getTime(),
          syncedAt: at,
          warnings: [],
        });
      };
      await reportSync(minutes(36));
      const reported = await marksAt(minutes(36));
      expect(reported).toEqual({
        ...stale,
        alpha: expect.any(String),
        beta: expect.any(String),
      });
      expect(reported.alpha).not.toBe(stale.alpha);
      expect(reported.beta).not.toBe(stale.beta);
      // Read again without a sync: nothing moves.
      expect(await marksAt(minutes(36))).toEqual(reported);

      // A later report sync rewriting the same rows moves no mark: the sync
      // time is not judged.
      await reportSync(minutes(37));
      expect(await marksAt(minutes(37))).toEqual(reported);

      // Alpha's service row changes: alpha's mark alone.
      await reportSync(minutes(38), 2);
      const alphaChanged = await marksAt(minutes(38));
      expect(alphaChanged).toEqual({ ...reported, alpha: expect.any(String) });
      expect(alphaChanged.alpha).not.toBe(reported.alpha);

      // The shared rotation's row changes: both entities paging it move.
      await reportSync(minutes(39), 2, 5);
      const rotationChanged = await marksAt(minutes(39));
      expect(rotationChanged).toEqual({
        ...alphaChanged,
        alpha: expect.any(String),
        beta: expect.any(String),
      });
      expect(rotationChanged.alpha).not.toBe(alphaChanged.alpha);
      expect(rotationChanged.beta).not.toBe(alphaChanged.beta);

      // Thirty minutes after the last report sync its data is still fresh,
      // a minute later it is stale (threshold 30 minutes): with the SLO
      // source kept fresh, only the entities on the reported source move.
      await measure(minutes(65), 9);
      const reportFresh = await marksAt(minutes(69));
      const reportStale = await marksAt(minutes(70));
      expect(reportStale).toEqual({
        ...reportFresh,
        alpha: expect.any(String),
        beta: expect.any(String),
      });
      expect(reportStale.alpha).not.toBe(reportFresh.alpha);
      expect(reportStale.beta).not.toBe(reportFresh.beta);
      // Staying stale moves nothing more.
      expect(await marksAt(minutes(72))).toEqual(reportStale);

      // Without an etag, a mark cannot be known.
      const context: ReadinessRunContext = {
        credentials: mockCredentials.service(),
        now: start,
        alertRules: [],
        owners: new Map(),
      };
      const markers = await ChangeMarkers.read({
        sources,
        context,
        config: {
          rubric: { checks: [], levels: [], version: 'v1' },
          kinds: ['component'],
        },
        checks: [],
      });
      expect(markers.markOf(sloRef, undefined, plain, false)).toBeUndefined();
      // Nor with an owner that was not read.
      expect(
        markers.markOf(
          sloRef,
          'e1',
          { ownerRef: 'group:default/team-a', onCall: null },
          false,
        ),
      ).toBeUndefined();
    },
  );
});
