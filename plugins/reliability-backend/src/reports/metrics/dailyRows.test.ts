import type {
  IncidentMeasures,
  OnCallLoadMeasure,
  OnCallShift,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import { change, incident, person, shift } from './__testUtils__/builders';
import {
  april,
  aprilChanges,
  aprilIncidents,
  berlinHours,
  march,
  marchIncidents,
  rotation,
  rotationIncidents,
} from './__testUtils__/timelines';
import { alertQualityFromDailyRows, computeAlertQuality } from './alertQuality';
import {
  changeFailureRateFromDailyRows,
  computeChangeFailureRate,
} from './changeFailureRate';
import type { RotationDailyRow, ServiceDailyRow } from './dailyRowTypes';
import { bucketLowerBound } from './durationHistogram';
import { foldRotationDay } from './foldRotationDay';
import { foldServiceDay, isEmptyServiceDailyRow } from './foldServiceDay';
import {
  computeIncidentMeasures,
  incidentMeasuresFromDailyRows,
} from './incidentMeasures';
import { computeOnCallLoad, onCallLoadFromDailyRows } from './onCallLoad';
import { dayRangePeriod, monthPeriod } from './reportPeriod';
import type { ChangeEventFact, ReportIncident, RotationInput } from './types';
import {
  addLocalDays,
  formatLocalDate,
  localDaysBetween,
  parseLocalDate,
} from './zonedTime';

function daysOf(period: ReportPeriod): string[] {
  const first = parseLocalDate(period.startDate, 'startDate');
  const count = localDaysBetween(
    first,
    parseLocalDate(period.endDate, 'endDate'),
  );
  return Array.from({ length: count }, (_, i) =>
    formatLocalDate(addLocalDays(first, i)),
  );
}

function serviceRows(
  serviceIds: string[],
  period: ReportPeriod,
  incidents: readonly ReportIncident[],
  changes: readonly ChangeEventFact[],
): ServiceDailyRow[] {
  return serviceIds.flatMap(serviceId =>
    daysOf(period).map(day =>
      foldServiceDay({
        serviceId,
        day,
        timeZone: period.timeZone,
        incidents,
        changes,
      }),
    ),
  );
}

function rotationRows(
  input: RotationInput,
  period: ReportPeriod,
  incidents: readonly ReportIncident[],
): RotationDailyRow[] {
  return daysOf(period).map(day =>
    foldRotationDay({
      rotation: input,
      day,
      timeZone: period.timeZone,
      incidents,
      hours: berlinHours,
    }),
  );
}

/** Everything but the percentiles must be identical. */
function withoutPercentiles(measures: IncidentMeasures) {
  return {
    ...measures,
    mtta: { count: measures.mtta.count, mean: measures.mtta.meanSeconds },
    mttr: { count: measures.mttr.count, mean: measures.mttr.meanSeconds },
  };
}

/** The documented bound: the bucket of the exact value, so less than max(1 s, exact/64) below. */
function expectWithinHistogramBound(
  estimate: number | null,
  exact: number | null,
) {
  if (exact === null) {
    expect(estimate).toBeNull();
    return;
  }
  expect(estimate).toBe(bucketLowerBound(exact));
  expect(estimate).toBeLessThanOrEqual(exact);
  expect(exact - estimate!).toBeLessThan(Math.max(1, exact / 64));
}

function expectSameOnCallLoad(
  fromRows: OnCallLoadMeasure,
  raw: OnCallLoadMeasure,
) {
  // pro-rata shifts are float sums, equal up to rounding; the rest is exact
  const round = (value: number | null) =>
    value === null ? null : Number(value.toFixed(9));
  const normalize = (load: OnCallLoadMeasure) => ({
    ...load,
    shifts: round(load.shifts),
    pagesPerShift: round(load.pagesPerShift),
    people: load.people.map(p => ({
      ...p,
      shifts: round(p.shifts),
      pagesPerShift: round(p.pagesPerShift),
    })),
  });
  expect(normalize(fromRows)).toEqual(normalize(raw));
}

describe('daily rows', () => {
  describe('folding one day', () => {
    it('folds the 23-hour day of the spring DST change in Berlin', () => {
      // 2026-03-29 in Berlin: [03-28 23:00Z, 03-29 22:00Z). Of the March
      // timeline only i3 was created that day (00:30Z): low urgency,
      // acknowledged after 10 m (600 s, bucket 600: [512, 1024) has 8 s
      // buckets and 600 = 75 x 8), resolved after 180 m (10800 s, bucket
      // 10752: [8192, 16384) has 128 s buckets, 10800 / 128 = 84.4).
      // Open at the day's end (22:00Z): i6 (resolved 2 April) and i9
      // (resolved 31 March 22:00Z); i3 was resolved at 03:30Z.
      expect(
        foldServiceDay({
          serviceId: 'A',
          day: '2026-03-29',
          timeZone: 'Europe/Berlin',
          incidents: marchIncidents,
          changes: [],
        }),
      ).toEqual({
        serviceId: 'A',
        day: '2026-03-29',
        timeZone: 'Europe/Berlin',
        high: 0,
        low: 1,
        ack: { count: 1, sumMs: 600_000, histogram: [[600, 1]] },
        unacknowledged: 0,
        resolve: { count: 1, sumMs: 10_800_000, histogram: [[10752, 1]] },
        unresolved: 0,
        openAtDayEnd: 2,
        longest: { incidentId: 'i3', durationMs: 10_800_000 },
        noise: 0,
        changes: 0,
        failedChanges: 0,
      });
    });

    it('folds a rotation day pro rata', () => {
      // 2026-03-29 is inside carol's 167-hour shift s5: 23 of its hours
      const changeDay = foldRotationDay({
        rotation,
        day: '2026-03-29',
        timeZone: 'Europe/Berlin',
        incidents: rotationIncidents,
        hours: berlinHours,
      });
      expect(changeDay.pages).toBe(0);
      expect(changeDay.shifts).toBeCloseTo(23 / 167, 12);
      expect(changeDay.people).toEqual([
        {
          personId: 'carol',
          shifts: changeDay.shifts,
          onCallMs: 23 * 3_600_000,
          pages: 0,
          offHoursPages: 0,
          sleepHoursPages: 0,
        },
      ]);

      // 2026-03-01: alice (s1) all 24 hours, 1/7 of her shift, and p1
      const firstDay = foldRotationDay({
        rotation,
        day: '2026-03-01',
        timeZone: 'Europe/Berlin',
        incidents: rotationIncidents,
        hours: berlinHours,
      });
      expect(firstDay).toMatchObject({
        pages: 1,
        offHoursPages: 1,
        sleepHoursPages: 1,
      });
      expect(firstDay.shifts).toBeCloseTo(1 / 7, 12);
    });

    it('marks a day with nothing in it as empty', () => {
      const row = foldServiceDay({
        serviceId: 'B',
        day: '2026-03-29',
        timeZone: 'Europe/Berlin',
        incidents: marchIncidents,
        changes: [],
      });
      expect(isEmptyServiceDailyRow(row)).toBe(true);
    });

    it('rejects a malformed day and rows of another zone', () => {
      expect(() =>
        foldServiceDay({
          serviceId: 'A',
          day: '29.03.2026',
          timeZone: 'Europe/Berlin',
          incidents: [],
          changes: [],
        }),
      ).toThrow(/day "29.03.2026" is not a calendar date/);
      const utcRows = serviceRows(['A'], april, aprilIncidents, []);
      expect(() =>
        incidentMeasuresFromDailyRows(
          utcRows,
          monthPeriod(2026, 4, 'Europe/Berlin'),
        ),
      ).toThrow(
        /folded in UTC and cannot make up a report period in Europe\/Berlin/,
      );
    });
  });

  describe('the hand-worked timelines give the same answers from rows', () => {
    it('incidents of March in Berlin: exact, p90 to the bucket', () => {
      const rows = serviceRows(['A', 'B'], march, marchIncidents, []);
      const fromRows = incidentMeasuresFromDailyRows(rows, march);
      const raw = computeIncidentMeasures(marchIncidents, march);
      expect(withoutPercentiles(fromRows)).toEqual(withoutPercentiles(raw));
      // MTTA p90 1200 s lies on a bucket bound ([1024, 2048): 16 s buckets,
      // 1200 = 75 x 16); MTTR p90 986400 s is in [524288, 1048576) with
      // 8192 s buckets: 120 x 8192 = 983040, 3360 s (0.34 %) below
      expect(fromRows.mtta.p90Seconds).toBe(1200);
      expect(fromRows.mttr.p90Seconds).toBe(983_040);
      expect(fromRows.mttr.p90Approximate).toBe(true);
      expect(fromRows.openAtPeriodEnd).toBe(2);
    });

    it('change failure rate of April: exact', () => {
      const services = ['A', 'B', 'C', 'D'];
      const rows = serviceRows(services, april, aprilIncidents, aprilChanges);
      expect(changeFailureRateFromDailyRows(rows, april, services)).toEqual(
        computeChangeFailureRate({
          serviceIds: services,
          changes: aprilChanges,
          incidents: aprilIncidents,
          period: april,
        }),
      );
    });

    it('on-call load of March in Berlin: exact up to float rounding of pro-rata shifts', () => {
      const rows = rotationRows(rotation, march, rotationIncidents);
      const fromRows = onCallLoadFromDailyRows('R', rows, march);
      expectSameOnCallLoad(
        fromRows,
        computeOnCallLoad(rotation, rotationIncidents, march, berlinHours),
      );
      expect(fromRows.shifts).toBeCloseTo(31 / 7, 9);
      expect(fromRows.people.map(p => p.onCallHours)).toEqual([207, 335, 201]);
    });
  });

  describe('a generated year across both DST changes', () => {
    // A deterministic pseudo-random account: 4 services, 700 incidents and
    // 350 changes from mid-February to early November 2026, one rotation of
    // four people in four zones with shifts of 1 to 8 days and overrides.
    let seed = 20260329;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) =>
      items[Math.floor(random() * items.length)];
    const from = Date.parse('2026-02-15T00:00:00Z');
    const to = Date.parse('2026-11-05T00:00:00Z');
    const instant = () =>
      new Date(from + Math.floor((random() * (to - from)) / 1000) * 1000);
    const services = ['S1', 'S2', 'S3', 'S4'];

    const incidents: ReportIncident[] = Array.from({ length: 700 }, (_, i) => {
      const created = instant().toISOString();
      const ack = random() < 0.8 ? Math.floor(random() * 7200) / 60 : null;
      const resolved =
        random() < 0.9
          ? (ack ?? 0) + Math.floor(random() * random() * 259_200) / 60
          : null;
      return incident(`g${i}`, pick(services), created, ack, resolved, {
        urgency: random() < 0.7 ? 'high' : 'low',
        autoResolved: resolved !== null && random() < 0.2,
      });
    });
    const changes = Array.from({ length: 350 }, (_, i) =>
      change(`k${i}`, pick(services.slice(0, 3)), instant().toISOString()),
    );
    // a third of the changes break something 1 to 90 minutes later
    changes.forEach((made, i) => {
      if (random() < 0.33) {
        const created = new Date(
          Date.parse(made.timestamp) + Math.floor(1 + random() * 90) * 60_000,
        ).toISOString();
        incidents.push(
          incident(`b${i}`, made.serviceId, created, 5, 30, {
            urgency: random() < 0.8 ? 'high' : 'low',
          }),
        );
      }
    });

    const people = [
      person('u1', 'Europe/Berlin'),
      person('u2', 'America/New_York'),
      person('u3'),
      person('u4', 'Asia/Kolkata'),
    ];
    const shifts: OnCallShift[] = [];
    for (let at = from; at < to; ) {
      const end = at + Math.floor(1 + random() * 8) * 86_400_000;
      shifts.push(
        shift(
          pick(people),
          new Date(at).toISOString(),
          new Date(end).toISOString(),
        ),
      );
      if (random() < 0.3) {
        const overrideStart = at + Math.floor(random() * (end - at));
        shifts.push(
          shift(
            pick(people),
            new Date(overrideStart).toISOString(),
            new Date(overrideStart + 6 * 3_600_000).toISOString(),
          ),
        );
      }
      at = end;
    }
    const generatedRotation = {
      rotationId: 'G',
      serviceIds: ['S1', 'S2'],
      shifts,
    };

    const range = dayRangePeriod('2026-03-01', '2026-11-01', 'Europe/Berlin');
    const sRows = serviceRows(services, range, incidents, changes);
    const rRows = rotationRows(generatedRotation, range, incidents);
    const periods = [
      range,
      ...[3, 4, 5, 6, 7, 8, 9, 10].map(month =>
        monthPeriod(2026, month, 'Europe/Berlin'),
      ),
    ];

    it.each(periods.map(period => [period.startDate, period.endDate, period]))(
      '%s to %s: rows give the raw answers',
      (_start, _end, period) => {
        const rawIncidents = computeIncidentMeasures(incidents, period);
        const rowIncidents = incidentMeasuresFromDailyRows(sRows, period);
        expect(rawIncidents.total).toBeGreaterThan(10);
        expect(withoutPercentiles(rowIncidents)).toEqual(
          withoutPercentiles(rawIncidents),
        );
        expectWithinHistogramBound(
          rowIncidents.mtta.p90Seconds,
          rawIncidents.mtta.p90Seconds,
        );
        expectWithinHistogramBound(
          rowIncidents.mttr.p90Seconds,
          rawIncidents.mttr.p90Seconds,
        );

        const rawChanges = computeChangeFailureRate({
          serviceIds: services,
          changes,
          incidents,
          period,
        });
        expect(rawChanges.overall.failedChanges).toBeGreaterThan(0);
        expect(changeFailureRateFromDailyRows(sRows, period, services)).toEqual(
          rawChanges,
        );

        const rawQuality = computeAlertQuality(incidents, period);
        expect(rawQuality.noise).toBeGreaterThan(0);
        expect(alertQualityFromDailyRows(sRows, period)).toEqual(rawQuality);

        const rawLoad = computeOnCallLoad(
          generatedRotation,
          incidents,
          period,
          berlinHours,
        );
        expect(rawLoad.pages).toBeGreaterThan(0);
        expectSameOnCallLoad(
          onCallLoadFromDailyRows('G', rRows, period),
          rawLoad,
        );
      },
    );
  });
});
