import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { histogramOf } from '../metrics/durationHistogram';
import { monthPeriod } from '../metrics/reportPeriod';
import { periodFiguresOf } from '../metrics/periodFigures';
import { DatabaseReportStore } from './DatabaseReportStore';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@preflight/plugin-reliability-backend',
  'migrations',
);
const MIGRATION = '20261205_report_service_day_figures.js';

function row(serviceId: string, day: string): ServiceDailyRow {
  return {
    serviceId,
    day,
    timeZone: 'UTC',
    high: 2,
    low: 1,
    ack: { count: 2, sumMs: 90_500, histogram: histogramOf([500, 90_000]) },
    unacknowledged: 1,
    resolve: {
      count: 3,
      sumMs: 7_300_000,
      histogram: histogramOf([100_000, 200_000, 7_000_000]),
    },
    unresolved: 0,
    openAtDayEnd: day.endsWith('30') ? 4 : 0,
    longest: { incidentId: `${serviceId}-${day}`, durationMs: 7_000_000 },
    noise: 1,
    changes: 3,
    failedChanges: 1,
  };
}

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'fills the figures of rows stored before it from their JSON, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const store = new DatabaseReportStore(await migratedDatabase(knex));
      // Back to the schema before the migration, with rows as it left them:
      // JSON only.
      await knex.migrate.down({ directory, name: MIGRATION });
      const rows = ['2026-04-01', '2026-04-15', '2026-04-30'].flatMap(day => [
        row('S1', day),
        row('S2', day),
      ]);
      await knex('report_service_days').insert(
        rows.map(r => ({
          source_id: 'pagerduty:default',
          time_zone: 'UTC',
          day: r.day,
          service_id: r.serviceId,
          row_json: JSON.stringify(r),
        })),
      );

      await knex.migrate.up({ directory, name: MIGRATION });

      const period = monthPeriod(2026, 4, 'UTC');
      expect(
        await store.readPeriodFigures({
          period,
          services: ['S1', 'S2'].map(id => ({
            sourceId: 'pagerduty:default',
            id,
          })),
        }),
      ).toEqual(periodFiguresOf(rows, period));
    },
  );
});
