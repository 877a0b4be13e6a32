import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseSloHistoryStore } from './DatabaseSloHistoryStore';
import { sloKey, type SloDayWrite } from './SloHistoryStore';

jest.setTimeout(60_000);

const ms = (iso: string) => Date.parse(iso);
const ZONE = 'Europe/Berlin';

function write(overrides: Partial<SloDayWrite>): SloDayWrite {
  return {
    entityRef: 'component:default/checkout',
    sloId: 'availability',
    ownerRef: 'group:default/payments',
    sloName: 'Availability',
    objective: 0.99,
    day: '2026-11-10',
    attainment: 0.995,
    budgetRemaining: 0.5,
    budgetConsumed: 0.01,
    pageAlertSeconds: 0,
    measuredAtMs: ms('2026-11-10T09:00:00Z'),
    ...overrides,
  };
}

describe('DatabaseSloHistoryStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(id: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(id);
    return new DatabaseSloHistoryStore(await migratedDatabase(knex));
  }

  it.each(databases.eachSupportedId())(
    'keeps the last measurement of the day and adds alert time once per measurement, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = write({ pageAlertSeconds: 60 });
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [first],
        closes: [],
      });
      // The same measurement again (a retry, a second replica): no change.
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [first],
        closes: [],
      });
      const later = write({
        attainment: 0.98,
        budgetRemaining: -1,
        budgetConsumed: 0.4,
        pageAlertSeconds: 120,
        measuredAtMs: ms('2026-11-10T09:02:00Z'),
      });
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [later],
        closes: [],
      });
      // An older measurement arriving late changes nothing.
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [write({ attainment: 0.5, pageAlertSeconds: 999 })],
        closes: [],
      });

      const [row] = await store.summarizeSlos({
        timeZone: ZONE,
        fromDay: '2026-11-01',
        toDay: '2026-12-01',
        entityRefs: ['component:default/checkout'],
      });
      expect(row).toEqual({
        entityRef: 'component:default/checkout',
        sloId: 'availability',
        sloName: 'Availability',
        objective: 0.99,
        days: 1,
        firstDay: '2026-11-10',
        lastDay: '2026-11-10',
        attainment: 0.98,
        budgetRemaining: -1,
        budgetConsumed: 0.4,
        pageAlertSeconds: 180,
        demo: false,
      });
      expect(await store.version()).toBe(ms('2026-11-10T09:02:00Z'));
      const last = await store.lastMeasurements(ZONE, [
        { entityRef: 'component:default/checkout', sloId: 'availability' },
      ]);
      expect(
        last.get(sloKey('component:default/checkout', 'availability')),
      ).toEqual({
        day: '2026-11-10',
        measuredAtMs: ms('2026-11-10T09:02:00Z'),
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'completes an earlier day once and sums periods and months in SQL, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const checkout = 'component:default/checkout';
      const search = 'component:default/search';
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [
          write({ day: '2026-10-31', budgetConsumed: 0.1, attainment: 0.999 }),
          write({
            entityRef: search,
            ownerRef: 'group:default/discovery',
            day: '2026-10-31',
            attainment: 0.97,
            budgetRemaining: -2,
            budgetConsumed: 0.2,
          }),
        ],
        closes: [],
      });
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [
          write({
            day: '2026-11-01',
            budgetConsumed: 0.05,
            attainment: 0.992,
            budgetRemaining: 0.2,
            pageAlertSeconds: 30,
            measuredAtMs: ms('2026-11-01T08:00:00Z'),
          }),
        ],
        closes: [
          {
            entityRef: checkout,
            sloId: 'availability',
            day: '2026-10-31',
            pageAlertSeconds: 45,
            budgetConsumed: 0.15,
          },
        ],
      });
      // Closing the same day again adds nothing.
      await store.recordMeasurement({
        timeZone: ZONE,
        days: [],
        closes: [
          {
            entityRef: checkout,
            sloId: 'availability',
            day: '2026-10-31',
            pageAlertSeconds: 45,
          },
        ],
      });

      expect(
        await store.listEntityRefs({
          timeZone: ZONE,
          fromDay: '2026-10-01',
          toDay: '2026-12-01',
          ownerRefs: ['group:default/payments'],
        }),
      ).toEqual([checkout]);
      expect(await store.firstDay(ZONE)).toBe('2026-10-31');
      expect(await store.firstDay('UTC')).toBeNull();

      const october = await store.summarizeSlos({
        timeZone: ZONE,
        fromDay: '2026-10-01',
        toDay: '2026-11-01',
        entityRefs: [checkout, search],
      });
      expect(
        october.map(r => [r.entityRef, r.budgetConsumed, r.pageAlertSeconds]),
      ).toEqual([
        [checkout, 0.15, 45],
        [search, 0.2, 0],
      ]);

      const months = await store.summarizeMonths({
        timeZone: ZONE,
        fromDay: '2026-10-01',
        toDay: '2026-12-01',
        entityRefs: [checkout, search],
      });
      expect(months).toEqual([
        {
          month: '2026-10',
          slos: 2,
          meetingObjective: 1,
          attainmentSum: expect.closeTo(1.969, 9),
          attainmentCount: 2,
          attainmentMin: 0.97,
          budgetConsumedSum: expect.closeTo(0.35, 9),
          budgetConsumedCount: 2,
          pageAlertSeconds: 45,
        },
        {
          month: '2026-11',
          slos: 1,
          meetingObjective: 1,
          attainmentSum: 0.992,
          attainmentCount: 1,
          attainmentMin: 0.992,
          budgetConsumedSum: 0.05,
          budgetConsumedCount: 1,
          pageAlertSeconds: 30,
        },
      ]);
    },
  );
});
