import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { histogramOf } from '../metrics/durationHistogram';
import { monthPeriod } from '../metrics/reportPeriod';
import { periodFiguresOf, totalOf } from '../metrics/periodFigures';
import { DatabaseReportStore } from './DatabaseReportStore';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@preflight/plugin-reliability-backend',
  'migrations',
);
const MIGRATION = '20261206_report_service_months.js';

function row(serviceId: string, day: string, high: number): ServiceDailyRow {
  return {
    serviceId,
    day,
    timeZone: 'UTC',
    high,
    low: 1,
    ack: { count: 2, sumMs: 90_500, histogram: histogramOf([500, 90_000]) },
    unacknowledged: 1,
    resolve: {
      count: 3,
      sumMs: 7_300_000,
      histogram: histogramOf([100_000, 200_000, 7_000_000]),
    },
    unresolved: 0,
    openAtDayEnd: 0,
    longest: { incidentId: `${serviceId}-${day}`, durationMs: 7_000_000 },
    noise: 1,
    changes: 3,
    failedChanges: 1,
  };
}

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'adds up the months of the daily rows stored before it, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseReportStore(await migratedDatabase(knex));
      const rows = [
        row('S1', '2026-03-31', 1),
        row('S1', '2026-04-01', 2),
        row('S2', '2026-04-15', 3),
        row('S2', '2026-04-30', 4),
      ];
      await store.replaceDailyRows({
        sourceId: 'pagerduty:default',
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-04-30',
        serviceRows: rows,
        rotationRows: [],
      });
      // Back to the schema before the migration: the daily rows stay, the
      // month rows go; every month row after it is the migration's.
      await knex.migrate.down({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('report_service_months')).toBe(false);

      await knex.migrate.up({ directory, name: MIGRATION });

      const months = await store.readMonthTotals({
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-05-01',
        services: ['S1', 'S2'].map(id => ({
          sourceId: 'pagerduty:default',
          id,
        })),
      });
      for (const [month, number] of [
        ['2026-03', 3],
        ['2026-04', 4],
      ] as const) {
        expect(months.get(month)).toEqual({
          ...totalOf(
            periodFiguresOf(rows, monthPeriod(2026, number, 'UTC')).services,
          ),
          openAtEnd: 0,
        });
      }
    },
  );
});
