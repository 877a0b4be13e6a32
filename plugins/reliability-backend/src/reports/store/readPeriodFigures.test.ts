import { migratedDatabase } from '../../__testUtils__/migratedDatabase';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { ServiceDailyRow } from '../metrics/dailyRowTypes';
import { histogramOf } from '../metrics/durationHistogram';
import { incidentMeasuresOfFigures } from '../metrics/incidentMeasures';
import { periodFiguresOf, totalOf } from '../metrics/periodFigures';
import { dayRangePeriod, monthPeriod } from '../metrics/reportPeriod';
import { DatabaseReportStore } from './DatabaseReportStore';

jest.setTimeout(60_000);

const SOURCE = 'pagerduty:default';
const OTHER_SOURCE = 'pagerduty:other';

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function daysOf(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * Four services over March to May 2026 with uneven days: durations of
 * whole milliseconds, a tie for the longest incident between ids a
 * database collation orders differently from the process ("Zeta" before
 * "alpha"), open incidents at month ends, days with changes only.
 */
function handBuiltRows(): ServiceDailyRow[] {
  const next = random(11);
  const rows: ServiceDailyRow[] = [];
  for (const serviceId of ['S1', 'S2', 'S3', 'S4']) {
    for (const day of daysOf('2026-03-01', 92)) {
      if (next() < 0.55) continue;
      const incidents = Math.floor(next() * 4);
      const acked = Math.min(incidents, Math.floor(next() * (incidents + 1)));
      const resolved = Math.min(
        incidents,
        Math.floor(next() * (incidents + 1)),
      );
      const ackMs = Array.from({ length: acked }, () =>
        Math.round(1_000 + next() * 3_600_000),
      );
      const resolveMs = Array.from({ length: resolved }, () =>
        Math.round(60_000 + next() * 90_000_000),
      );
      const high = Math.floor(next() * (incidents + 1));
      rows.push({
        serviceId,
        day,
        timeZone: 'UTC',
        high,
        low: incidents - high,
        ack: {
          count: acked,
          sumMs: ackMs.reduce((a, b) => a + b, 0),
          histogram: histogramOf(ackMs),
        },
        unacknowledged: incidents - acked,
        resolve: {
          count: resolved,
          sumMs: resolveMs.reduce((a, b) => a + b, 0),
          histogram: histogramOf(resolveMs),
        },
        unresolved: incidents - resolved,
        openAtDayEnd: Math.floor(next() * 3),
        longest:
          resolved > 0
            ? {
                incidentId: `${serviceId}-${day}`,
                durationMs: Math.max(...resolveMs),
              }
            : null,
        noise: Math.floor(next() * (incidents - acked + 1)),
        changes: Math.floor(next() * 3),
        failedChanges: 0,
      });
      const last = rows[rows.length - 1];
      last.failedChanges = Math.min(last.changes, high);
    }
  }
  // The tie: equal longest durations in April on two services.
  const tie = (serviceId: string, day: string, incidentId: string) => {
    const row = rows.find(r => r.serviceId === serviceId && r.day === day);
    const base = row ?? {
      ...rows[0],
      serviceId,
      day,
      high: 1,
      low: 0,
      unacknowledged: 1,
      unresolved: 0,
      openAtDayEnd: 0,
      noise: 0,
      changes: 0,
      failedChanges: 0,
      ack: { count: 0, sumMs: 0, histogram: [] },
    };
    base.resolve = {
      count: 1,
      sumMs: 100_000_000,
      histogram: histogramOf([100_000_000]),
    };
    base.longest = { incidentId, durationMs: 100_000_000 };
    if (!row) rows.push(base);
  };
  tie('S2', '2026-04-20', 'alpha');
  tie('S3', '2026-04-21', 'Zeta');
  return rows;
}

describe('DatabaseReportStore.readPeriodFigures', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function storeWith(
    id: Parameters<typeof databases.init>[0],
    rows: ServiceDailyRow[],
  ) {
    const knex = await databases.init(id);
    const store = new DatabaseReportStore(await migratedDatabase(knex));
    await store.replaceDailyRows({
      sourceId: SOURCE,
      timeZone: 'UTC',
      fromDay: '2026-01-01',
      toDay: '2026-12-31',
      serviceRows: rows,
      rotationRows: [],
    });
    // Rows the reads must leave out: another source's service of the same
    // scope ids is not asked for, nor are other services.
    await store.replaceDailyRows({
      sourceId: OTHER_SOURCE,
      timeZone: 'UTC',
      fromDay: '2026-01-01',
      toDay: '2026-12-31',
      serviceRows: rows.filter(r => r.serviceId === 'S1'),
      rotationRows: [],
    });
    return store;
  }

  it.each(databases.eachSupportedId())(
    'adds a period up in SQL exactly as the process does, on %p',
    async databaseId => {
      const rows = handBuiltRows();
      const store = await storeWith(databaseId, rows);
      const scope = ['S1', 'S2', 'S3'];
      const services = scope.map(id => ({ sourceId: SOURCE, id }));
      const inScope = rows.filter(r => scope.includes(r.serviceId));

      for (const period of [
        monthPeriod(2026, 4, 'UTC'),
        monthPeriod(2026, 3, 'UTC'),
        dayRangePeriod('2026-04-10', '2026-05-06', 'UTC'),
      ]) {
        const fromSql = await store.readPeriodFigures({ period, services });
        const inProcess = periodFiguresOf(inScope, period);
        expect(fromSql).toEqual(inProcess);
        // The all-services export's sums are the same sums.
        expect(await store.readServiceSums({ period, services })).toEqual(
          inProcess.services,
        );
        // So the report's measures are the same too, p90 included.
        expect(incidentMeasuresOfFigures(fromSql)).toEqual(
          incidentMeasuresOfFigures(inProcess),
        );
      }
      const april = await store.readPeriodFigures({
        period: monthPeriod(2026, 4, 'UTC'),
        services,
      });
      expect(april.longest).toEqual({
        incidentId: 'Zeta',
        serviceId: 'S3',
        durationMs: 100_000_000,
      });
      expect(april.services.map(s => s.serviceId)).toEqual(scope);

      const months = await store.readMonthTotals({
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-06-01',
        services,
      });
      expect([...months.keys()].sort()).toEqual([
        '2026-03',
        '2026-04',
        '2026-05',
      ]);
      for (const [month, total] of months) {
        const [year, number] = month.split('-').map(Number);
        const expected = totalOf(
          periodFiguresOf(inScope, monthPeriod(year, number, 'UTC')).services,
        );
        expect(total).toEqual({ ...expected, openAtEnd: 0 });
      }
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps month totals in step with the days a sync replaces, on %p',
    async databaseId => {
      const rows = handBuiltRows();
      const store = await storeWith(databaseId, rows);
      const services = ['S1', 'S2', 'S3', 'S4'].map(id => ({
        sourceId: SOURCE,
        id,
      }));
      // A later sync re-folds three days of April: more incidents on them,
      // and one day left without any row.
      const window = { fromDay: '2026-04-10', toDay: '2026-04-12' };
      const inWindow = (r: ServiceDailyRow) =>
        r.day >= window.fromDay && r.day <= window.toDay;
      const refolded = rows
        .filter(r => inWindow(r) && r.day !== '2026-04-11')
        .map(r => ({ ...r, high: r.high + 5, changes: r.changes + 1 }));
      await store.replaceDailyRows({
        sourceId: SOURCE,
        timeZone: 'UTC',
        ...window,
        serviceRows: refolded,
        rotationRows: [],
      });
      const now = [...rows.filter(r => !inWindow(r)), ...refolded];

      const trend = await store.readMonthTotals({
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-06-01',
        services,
      });
      // The same sums as the process adds up from the daily rows, and as
      // the database adds up from them for a span of days.
      const days = await store.readMonthTotals({
        timeZone: 'UTC',
        fromDay: '2026-03-01',
        toDay: '2026-05-31',
        services,
      });
      for (const month of ['2026-03', '2026-04']) {
        const [year, number] = month.split('-').map(Number);
        const expected = {
          ...totalOf(
            periodFiguresOf(now, monthPeriod(year, number, 'UTC')).services,
          ),
          openAtEnd: 0,
        };
        expect(trend.get(month)).toEqual(expected);
        expect(days.get(month)).toEqual(expected);
      }
      expect(trend.get('2026-04')!.high).toBeGreaterThan(
        totalOf(periodFiguresOf(rows, monthPeriod(2026, 4, 'UTC')).services)
          .high,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'has empty figures for a scope without rows, on %p',
    async databaseId => {
      const store = await storeWith(databaseId, handBuiltRows());
      const figures = await store.readPeriodFigures({
        period: monthPeriod(2026, 4, 'UTC'),
        services: [{ sourceId: SOURCE, id: 'NOBODY' }],
      });
      expect(figures).toEqual({
        services: [],
        ackHistogram: [],
        resolveHistogram: [],
        longest: null,
      });
    },
  );
});
