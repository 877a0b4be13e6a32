import { evaluateSloBudget } from '@preflight/plugin-reliability-common';
import {
  bucketsCoverDay,
  dayBudgetConsumed,
  localDaySpanOf,
  pageAlertSecondsByDay,
} from './sloDayFigures';

const ms = (iso: string) => Date.parse(iso);
const bucket = (timestamp: string, bad: number, total = 1000) => ({
  timestamp,
  good: total - bad,
  total,
});

describe('localDaySpanOf', () => {
  it('gives 23- and 25-hour days around DST changes in the zone', () => {
    const spring = localDaySpanOf(ms('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(spring).toEqual({
      day: '2026-03-29',
      startMs: ms('2026-03-28T23:00:00Z'),
      endMs: ms('2026-03-29T22:00:00Z'),
    });
    const autumn = localDaySpanOf(ms('2026-10-25T22:30:00Z'), 'Europe/Berlin');
    // 23:30 CET is still 25 October: the day ends at 23:00 UTC.
    expect(autumn).toEqual({
      day: '2026-10-25',
      startMs: ms('2026-10-24T22:00:00Z'),
      endMs: ms('2026-10-25T23:00:00Z'),
    });
  });
});

describe('dayBudgetConsumed', () => {
  // 99 % over 10,000 events: 100 bad events of budget.
  const window = { good: 9_900, total: 10_000 };

  it('counts the bad events of buckets ending in the day, (start, end]', () => {
    const buckets = [
      bucket('2026-03-10T00:00:00Z', 5), // ends at midnight: 9 March
      bucket('2026-03-10T01:00:00Z', 10),
      bucket('2026-03-11T00:00:00Z', 20), // ends at midnight: 10 March
      bucket('2026-03-11T01:00:00Z', 7),
    ];
    const day = localDaySpanOf(ms('2026-03-10T12:00:00Z'), 'UTC');
    // (10 + 20) / 100
    expect(
      dayBudgetConsumed({ buckets, window, objective: 0.99, day }),
    ).toBeCloseTo(0.3, 12);
  });

  it('takes the day in the report zone, 25 hours on the autumn change', () => {
    const buckets = [
      bucket('2026-10-24T22:00:00Z', 40), // 00:00 CEST 25 Oct: 24 Oct
      bucket('2026-10-25T12:00:00Z', 1),
      bucket('2026-10-25T22:30:00Z', 2), // 23:30 CET: still 25 Oct
      bucket('2026-10-25T23:00:00Z', 4), // midnight CET: 25 Oct
      bucket('2026-10-25T23:30:00Z', 8), // 26 Oct
    ];
    const day = localDaySpanOf(ms('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(
      dayBudgetConsumed({ buckets, window, objective: 0.99, day }),
    ).toBeCloseTo(0.07, 12);
  });

  it('is null without events in the window', () => {
    const day = localDaySpanOf(ms('2026-03-10T12:00:00Z'), 'UTC');
    expect(
      dayBudgetConsumed({
        buckets: [],
        window: { good: 0, total: 0 },
        objective: 0.99,
        day,
      }),
    ).toBeNull();
    expect(
      dayBudgetConsumed({ buckets: [], window: null, objective: 0.99, day }),
    ).toBeNull();
  });

  it('adds up over a calendar window to 1 − budget remaining', () => {
    // Three days of 1,000 events each, 3 + 6 + 9 bad; objective 99.5 %.
    const buckets = [
      bucket('2026-06-02T00:00:00Z', 3),
      bucket('2026-06-03T00:00:00Z', 6),
      bucket('2026-06-04T00:00:00Z', 9),
    ];
    const threeDays = { good: 2_982, total: 3_000 };
    const consumed = ['2026-06-01', '2026-06-02', '2026-06-03']
      .map(d => localDaySpanOf(ms(`${d}T12:00:00Z`), 'UTC'))
      .map(day =>
        dayBudgetConsumed({
          buckets,
          window: threeDays,
          objective: 0.995,
          day,
        }),
      ) as number[];
    // Budget 15 bad events: 3/15, 6/15, 9/15.
    expect(consumed[0]).toBeCloseTo(0.2, 12);
    expect(consumed[1]).toBeCloseTo(0.4, 12);
    expect(consumed[2]).toBeCloseTo(0.6, 12);
    const { budgetRemaining } = evaluateSloBudget({
      objective: 0.995,
      periodSeconds: 3 * 86_400,
      period: threeDays,
      windows: {},
    });
    expect(consumed.reduce((a, b) => a + b, 0)).toBeCloseTo(
      1 - budgetRemaining!,
      12,
    );
  });
});

describe('bucketsCoverDay', () => {
  const day = localDaySpanOf(ms('2026-03-10T12:00:00Z'), 'UTC');
  it('needs buckets from the day start to its end', () => {
    const hourly = Array.from({ length: 26 }, (_, h) =>
      bucket(
        new Date(ms('2026-03-10T00:00:00Z') + h * 3_600_000).toISOString(),
        0,
      ),
    );
    expect(bucketsCoverDay(hourly, 3_600, day)).toBe(true);
    expect(bucketsCoverDay(hourly.slice(2), 3_600, day)).toBe(false);
    expect(bucketsCoverDay(hourly.slice(0, 20), 3_600, day)).toBe(false);
    expect(bucketsCoverDay([], 3_600, day)).toBe(false);
  });
});

describe('pageAlertSecondsByDay', () => {
  it('counts since the previous measurement, at most the sync interval', () => {
    expect(
      pageAlertSecondsByDay({
        firing: true,
        measuredAtMs: ms('2026-03-10T10:00:00Z'),
        previousMeasuredAtMs: ms('2026-03-10T09:58:00Z'),
        maxGapSeconds: 300,
        timeZone: 'UTC',
      }),
    ).toEqual([{ day: '2026-03-10', seconds: 120 }]);
    // Two hours since the last measurement: only one interval counts.
    expect(
      pageAlertSecondsByDay({
        firing: true,
        measuredAtMs: ms('2026-03-10T10:00:00Z'),
        previousMeasuredAtMs: ms('2026-03-10T08:00:00Z'),
        maxGapSeconds: 300,
        timeZone: 'UTC',
      }),
    ).toEqual([{ day: '2026-03-10', seconds: 300 }]);
    // The first measurement ever counts one interval too.
    expect(
      pageAlertSecondsByDay({
        firing: true,
        measuredAtMs: ms('2026-03-10T10:00:00Z'),
        previousMeasuredAtMs: null,
        maxGapSeconds: 60,
        timeZone: 'UTC',
      }),
    ).toEqual([{ day: '2026-03-10', seconds: 60 }]);
  });

  it('adds nothing while the alert does not fire', () => {
    expect(
      pageAlertSecondsByDay({
        firing: false,
        measuredAtMs: ms('2026-03-10T10:00:00Z'),
        previousMeasuredAtMs: ms('2026-03-10T09:59:00Z'),
        maxGapSeconds: 300,
        timeZone: 'UTC',
      }),
    ).toEqual([]);
  });

  it('splits at local midnight, which moves on the DST day', () => {
    // Berlin's 29 March 2026 has 23 hours and ends at 22:00 UTC.
    expect(
      pageAlertSecondsByDay({
        firing: true,
        measuredAtMs: ms('2026-03-29T22:30:00Z'),
        previousMeasuredAtMs: ms('2026-03-29T21:45:00Z'),
        maxGapSeconds: 3_600,
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual([
      { day: '2026-03-29', seconds: 900 },
      { day: '2026-03-30', seconds: 1_800 },
    ]);
    // A measurement exactly at midnight belongs wholly to the day before.
    expect(
      pageAlertSecondsByDay({
        firing: true,
        measuredAtMs: ms('2026-03-29T22:00:00Z'),
        previousMeasuredAtMs: ms('2026-03-29T21:59:00Z'),
        maxGapSeconds: 300,
        timeZone: 'Europe/Berlin',
      }),
    ).toEqual([{ day: '2026-03-29', seconds: 60 }]);
  });
});
