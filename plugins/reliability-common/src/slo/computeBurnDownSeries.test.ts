import { computeBurnDownSeries } from './computeBurnDownSeries';
import { evaluateSloBudget } from './evaluateSloBudget';

const DAY = 86_400;

describe('computeBurnDownSeries', () => {
  // Objective 0.9 (budget E = 0.1) over a 4-day window starting 1 May.
  const input = {
    objective: 0.9,
    periodSeconds: 4 * DAY,
    windowStart: '2024-05-01T00:00:00Z',
    buckets: [
      { timestamp: '2024-05-01T12:00:00Z', good: 0, total: 0 }, // no traffic yet
      { timestamp: '2024-05-02T00:00:00Z', good: 100, total: 100 }, // B=0,  T=100
      { timestamp: '2024-05-03T00:00:00Z', good: 95, total: 100 }, //  B=5,  T=200
      { timestamp: '2024-05-04T00:00:00Z', good: 80, total: 100 }, //  B=25, T=300
      { timestamp: '2024-05-05T00:00:00Z', good: 100, total: 100 }, // B=25, T=400
    ],
  };

  it('computes cumulative attainment and budget at every step', () => {
    const points = computeBurnDownSeries(input);
    expect(points.map(p => p.timestamp)).toEqual(
      input.buckets.map(b => b.timestamp),
    );

    // before any traffic: no data
    expect(points[0].attainment).toBeNull();
    expect(points[0].budgetRemaining).toBeNull();

    // B/T = 0/100: attainment 1, budget 1 − 0/0.1 = 1
    expect(points[1].attainment).toBe(1);
    expect(points[1].budgetRemaining).toBe(1);
    // B/T = 5/200 = 0.025: attainment 0.975, budget 1 − 0.025/0.1 = 0.75
    expect(points[2].attainment).toBeCloseTo(0.975, 12);
    expect(points[2].budgetRemaining).toBeCloseTo(0.75, 12);
    // B/T = 25/300 = 0.08333…: attainment 0.91666…, budget 1 − 0.8333… = 0.1666…
    expect(points[3].attainment).toBeCloseTo(11 / 12, 12);
    expect(points[3].budgetRemaining).toBeCloseTo(1 / 6, 12);
    // B/T = 25/400 = 0.0625: attainment 0.9375, budget 1 − 0.625 = 0.375
    expect(points[4].attainment).toBeCloseTo(0.9375, 12);
    expect(points[4].budgetRemaining).toBeCloseTo(0.375, 12);
  });

  it('burns the window allowance down monotonically, ending at the headline figure', () => {
    const points = computeBurnDownSeries(input);
    // allowance = E × T(N) = 0.1 × 400 = 40 bad events
    // 1 − B/40: 0, 0, 5, 25, 25 bad → 1, 1, 0.875, 0.375, 0.375
    expect(points.map(p => p.eventBudgetRemaining)).toEqual([
      1, 1, 0.875, 0.375, 0.375,
    ]);
    const headline = evaluateSloBudget({
      objective: 0.9,
      periodSeconds: 4 * DAY,
      period: { good: 375, total: 400 },
      windows: {},
    });
    expect(points[4].eventBudgetRemaining).toBeCloseTo(
      headline.budgetRemaining!,
      12,
    );
    expect(points[4].budgetRemaining).toBeCloseTo(
      headline.budgetRemaining!,
      12,
    );
  });

  it('draws the ideal line from 1 at the window start to 0 at its end', () => {
    // 1 − elapsed / 4d: 0.5d → 0.875, 1d → 0.75, 2d → 0.5, 3d → 0.25, 4d → 0
    expect(
      computeBurnDownSeries(input).map(p => p.idealBudgetRemaining),
    ).toEqual([0.875, 0.75, 0.5, 0.25, 0]);
  });

  it('goes negative when the budget is overspent', () => {
    // objective 0.99 (E = 0.01), 5 bad of 100: 1 − 0.05 / 0.01 = −4
    const [point] = computeBurnDownSeries({
      objective: 0.99,
      periodSeconds: DAY,
      windowStart: '2024-05-01T00:00:00Z',
      buckets: [{ timestamp: '2024-05-02T00:00:00Z', good: 95, total: 100 }],
    });
    expect(point.budgetRemaining).toBeCloseTo(-4, 10);
    expect(point.eventBudgetRemaining).toBeCloseTo(-4, 10);
  });

  it('has no data without traffic and never emits NaN', () => {
    const points = computeBurnDownSeries({
      objective: 0.999,
      periodSeconds: 2 * DAY,
      windowStart: '2024-05-01T00:00:00Z',
      buckets: [
        { timestamp: '2024-05-02T00:00:00Z', good: 0, total: 0 },
        {
          timestamp: '2024-05-03T00:00:00Z',
          good: Number.NaN,
          total: Number.NaN,
        },
      ],
    });
    expect(points).toEqual([
      {
        timestamp: '2024-05-02T00:00:00Z',
        attainment: null,
        budgetRemaining: null,
        eventBudgetRemaining: null,
        idealBudgetRemaining: 0.5,
      },
      {
        timestamp: '2024-05-03T00:00:00Z',
        attainment: null,
        budgetRemaining: null,
        eventBudgetRemaining: null,
        idealBudgetRemaining: 0,
      },
    ]);
  });

  it('ignores unusable steps and absorbs extrapolation overshoot', () => {
    const points = computeBurnDownSeries({
      objective: 0.9,
      periodSeconds: DAY,
      windowStart: '2024-05-01T00:00:00Z',
      buckets: [
        // good > total from increase() extrapolation: 0 bad, not −1
        { timestamp: '2024-05-01T06:00:00Z', good: 101, total: 100 },
        // NaN good: the step contributes nothing
        { timestamp: '2024-05-01T12:00:00Z', good: Number.NaN, total: 50 },
        // 10 bad of 100 → cumulative 10 / 200 = 0.05 → 1 − 0.5 = 0.5
        { timestamp: '2024-05-01T18:00:00Z', good: 90, total: 100 },
      ],
    });
    expect(points[0].budgetRemaining).toBe(1);
    expect(points[1].budgetRemaining).toBe(1);
    expect(points[2].budgetRemaining).toBeCloseTo(0.5, 12);
    expect(JSON.stringify(points)).not.toMatch(/NaN|Infinity/);
  });

  it('leaves the ideal line out for unparseable timestamps', () => {
    const [point] = computeBurnDownSeries({
      objective: 0.9,
      periodSeconds: DAY,
      windowStart: 'not a time',
      buckets: [{ timestamp: '2024-05-01T06:00:00Z', good: 1, total: 1 }],
    });
    expect(point.idealBudgetRemaining).toBeNull();
    expect(point.attainment).toBe(1);
  });
});
