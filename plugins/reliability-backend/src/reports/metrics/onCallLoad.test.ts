import { incident, person, shift } from './__testUtils__/builders';
import {
  alice,
  berlinHours,
  march,
  rotation,
  rotationIncidents,
} from './__testUtils__/timelines';
import { giniCoefficient } from './gini';
import { computeOnCallLoad } from './onCallLoad';
import { classifyPageTime, DEFAULT_ON_CALL_HOURS } from './pageHours';
import { monthPeriod } from './reportPeriod';

// March in Berlin is 743 h = 743/168 weeks
const WEEKS = 743 / 168;

describe('computeOnCallLoad', () => {
  const load = computeOnCallLoad(
    rotation,
    rotationIncidents,
    march,
    berlinHours,
  );

  it('counts shifts crossing the month pro rata and level-1 shifts only', () => {
    // 33/168 + 4 whole + 39/168 = 31/7
    expect(load.shifts).toBeCloseTo(31 / 7, 12);
  });

  it("counts pages, off-hours and sleep-hours pages in each person's own zone", () => {
    expect(load.pages).toBe(6);
    expect(load.offHoursPages).toBe(4);
    expect(load.sleepHoursPages).toBe(2);
    // 6 / (31/7)
    expect(load.pagesPerShift).toBeCloseTo(42 / 31, 12);
    // (1 + 3 + 2) pages / 3 people / (743/168) weeks
    expect(load.pagesPerPersonPerWeek).toBeCloseTo(2 / WEEKS, 12);
  });

  it('breaks the load down per person, most paged first', () => {
    const rounded = load.people.map(p => ({
      ...p,
      shifts: Number(p.shifts.toFixed(9)),
      pagesPerShift: Number(p.pagesPerShift?.toFixed(9)),
      pagesPerWeek: Number(p.pagesPerWeek.toFixed(9)),
    }));
    expect(rounded).toEqual([
      {
        personId: 'bob',
        // 1 + 39/168
        shifts: Number((207 / 168).toFixed(9)),
        onCallHours: 207,
        pages: 3,
        offHoursPages: 2,
        sleepHoursPages: 1,
        pagesPerShift: Number((3 / (207 / 168)).toFixed(9)),
        pagesPerWeek: Number((3 / WEEKS).toFixed(9)),
      },
      {
        personId: 'carol',
        shifts: 2,
        // 168 + 167 (the DST week)
        onCallHours: 335,
        pages: 2,
        offHoursPages: 1,
        sleepHoursPages: 0,
        pagesPerShift: 1,
        pagesPerWeek: Number((2 / WEEKS).toFixed(9)),
      },
      {
        personId: 'alice',
        // 33/168 + 1
        shifts: Number((201 / 168).toFixed(9)),
        onCallHours: 201,
        pages: 1,
        offHoursPages: 1,
        sleepHoursPages: 1,
        pagesPerShift: Number((1 / (201 / 168)).toFixed(9)),
        pagesPerWeek: Number((1 / WEEKS).toFixed(9)),
      },
    ]);
  });

  it('measures fairness with the Gini coefficient of pages per person', () => {
    // pages 1, 3, 2: sum over ordered pairs of |difference| = 2 x (2 + 1 + 1)
    // = 8; divided by 2 n^2 mean = 2 x 9 x 2 = 36 -> 2/9
    expect(load.fairness.reason).toBeNull();
    expect(load.fairness.gini).toBeCloseTo(2 / 9, 12);
  });

  it('pages everyone on an overlapping shift and counts the incident once', () => {
    const period = monthPeriod(2026, 4);
    const erin = person('erin', 'Mars/Olympus'); // unknown zone: UTC default
    const result = computeOnCallLoad(
      {
        rotationId: 'R2',
        serviceIds: ['A'],
        shifts: [
          shift(alice, '2026-04-06T00:00:00Z', '2026-04-13T00:00:00Z'),
          shift(erin, '2026-04-08T00:00:00Z', '2026-04-09T00:00:00Z'),
        ],
      },
      // Wednesday 2026-04-08 17:30 UTC: 19:30 in Berlin (off-hours for
      // alice), 17:30 UTC for erin (business hours)
      [incident('q1', 'A', '2026-04-08T17:30:00Z', 1, 10)],
      period,
      { ...DEFAULT_ON_CALL_HOURS },
    );
    expect(result.pages).toBe(1);
    expect(result.offHoursPages).toBe(1);
    expect(result.sleepHoursPages).toBe(0);
    // alice's whole week and erin's single day: 1 + 1
    expect(result.shifts).toBe(2);
    expect(
      result.people.map(p => [p.personId, p.pages, p.offHoursPages]),
    ).toEqual([
      ['alice', 1, 1],
      ['erin', 1, 0],
    ]);
    expect(result.fairness).toEqual({ gini: 0, reason: null });
  });

  it('counts a permanent on-call as a run of one-week shifts', () => {
    // February 2026 (UTC) is 28 days: 4 notional weeks, 672 hours
    const result = computeOnCallLoad(
      {
        rotationId: 'R3',
        serviceIds: ['A'],
        shifts: [shift(alice, null, null)],
      },
      [incident('q2', 'A', '2026-02-10T12:00:00Z', 1, 10)],
      monthPeriod(2026, 2),
      DEFAULT_ON_CALL_HOURS,
    );
    expect(result.shifts).toBe(4);
    expect(result.pagesPerShift).toBe(0.25);
    expect(result.people[0].onCallHours).toBe(672);
    expect(result.fairness).toEqual({
      gini: null,
      reason: 'fewer-than-two-people',
    });
  });

  it('has no per-shift figure without shifts and no fairness without pages', () => {
    const none = computeOnCallLoad(
      { rotationId: 'R4', serviceIds: ['A'], shifts: [] },
      rotationIncidents,
      march,
      berlinHours,
    );
    expect(none.pagesPerShift).toBeNull();
    expect(none.pages).toBe(0);
    expect(none.pagesPerPersonPerWeek).toBeNull();

    const quiet = computeOnCallLoad(rotation, [], march, berlinHours);
    expect(quiet.fairness).toEqual({ gini: null, reason: 'no-pages' });
    expect(quiet.pagesPerShift).toBe(0);
  });

  it('rejects invalid on-call hours, naming the field', () => {
    expect(() =>
      computeOnCallLoad(rotation, [], march, {
        ...berlinHours,
        businessEnd: '08:00',
      }),
    ).toThrow(/businessEnd \(08:00\) must be after businessStart \(09:00\)/);
    expect(() =>
      computeOnCallLoad(rotation, [], march, {
        ...berlinHours,
        sleepStart: '25:00',
      }),
    ).toThrow(/sleepStart "25:00" is not a time of day/);
    expect(() =>
      computeOnCallLoad(rotation, [], march, {
        ...berlinHours,
        businessDays: [0],
      }),
    ).toThrow(/businessDays must list ISO weekdays/);
  });
});

describe('classifyPageTime', () => {
  it('reads wall-clock time on both sides of the autumn change', () => {
    // Sunday 2026-10-25, Berlin: 02:30 happens twice (CEST 00:30Z, CET 01:30Z);
    // both are sleep hours and off-hours
    expect(
      classifyPageTime(
        Date.parse('2026-10-25T00:30:00Z'),
        'Europe/Berlin',
        berlinHours,
      ),
    ).toEqual({ offHours: true, sleepHours: true });
    // Monday 2026-10-26 06:30Z = 07:30 CET: awake, not yet at work
    expect(
      classifyPageTime(
        Date.parse('2026-10-26T06:30:00Z'),
        'Europe/Berlin',
        berlinHours,
      ),
    ).toEqual({ offHours: true, sleepHours: false });
    // a week earlier 06:30Z was 08:30 CEST: same answer; 05:30Z was 07:30
    // CEST (awake) but a week later 05:30Z is 06:30 CET (asleep)
    expect(
      classifyPageTime(
        Date.parse('2026-10-19T05:30:00Z'),
        'Europe/Berlin',
        berlinHours,
      ).sleepHours,
    ).toBe(false);
    expect(
      classifyPageTime(
        Date.parse('2026-10-26T05:30:00Z'),
        'Europe/Berlin',
        berlinHours,
      ).sleepHours,
    ).toBe(true);
  });

  it('uses a sleep span that does not wrap midnight as given', () => {
    const hours = { ...berlinHours, sleepStart: '01:00', sleepEnd: '06:00' };
    // 2026-10-26 23:30 CET is awake under 01:00-06:00
    expect(
      classifyPageTime(
        Date.parse('2026-10-26T22:30:00Z'),
        'Europe/Berlin',
        hours,
      ).sleepHours,
    ).toBe(false);
    expect(
      classifyPageTime(
        Date.parse('2026-10-27T00:30:00Z'),
        'Europe/Berlin',
        hours,
      ).sleepHours,
    ).toBe(true);
  });
});

describe('giniCoefficient', () => {
  it('is 0 for an even load and (n-1)/n when one person takes everything', () => {
    expect(giniCoefficient([2, 2, 2, 2])).toBe(0);
    // 4 people, one with all 8 pages: pairs (8,0) x 3, ordered x 2 = 48;
    // 2 n^2 mean = 2 x 16 x 2 = 64 -> 0.75
    expect(giniCoefficient([0, 8, 0, 0])).toBe(0.75);
    expect(giniCoefficient([])).toBeNull();
    expect(giniCoefficient([0, 0])).toBeNull();
  });
});
