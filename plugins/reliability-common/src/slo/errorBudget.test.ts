import {
  assertSloObjective,
  computeBudgetConsumed,
  computeBudgetRemaining,
  computeBurnRate,
  computeErrorBudget,
  computeTimeToExhaustion,
} from './errorBudget';

const DAY = 86_400;
const HOUR = 3_600;

describe('error budget arithmetic', () => {
  it('derives the error budget exactly from the objective', () => {
    expect(computeErrorBudget(0.999)).toBe(0.001); // not 0.0010000000000000009
    expect(computeErrorBudget(0.99)).toBe(0.01);
    expect(computeErrorBudget(0.9995)).toBe(0.0005);
    expect(computeErrorBudget(0.5)).toBe(0.5);
  });

  it('refuses objectives outside (0, 1)', () => {
    for (const objective of [0, 1, -0.1, 99.9, Number.NaN]) {
      expect(() => assertSloObjective(objective)).toThrow(RangeError);
      expect(() => computeErrorBudget(objective)).toThrow(/strictly between/);
    }
  });

  it('computes burn rate = error ratio / (1 − objective)', () => {
    // 0.5% errors against a 0.1% budget: 0.005 / 0.001 = 5
    expect(computeBurnRate(0.005, 0.999)).toBeCloseTo(5, 12);
    // exactly on budget burns at 1
    expect(computeBurnRate(0.001, 0.999)).toBe(1);
    expect(computeBurnRate(0, 0.999)).toBe(0);
    expect(computeBurnRate(null, 0.999)).toBeNull();
    expect(computeBurnRate(Number.NaN, 0.999)).toBeNull();
  });

  it('computes budget remaining, negative when overspent', () => {
    // 0.04% errors of a 0.1% budget: 1 − 0.0004/0.001 = 0.6
    expect(computeBudgetRemaining(0.0004, 0.999)).toBeCloseTo(0.6, 12);
    // exhausted: 0.25% errors = 2.5 budgets, 1 − 2.5 = −1.5
    expect(computeBudgetRemaining(0.0025, 0.999)).toBeCloseTo(-1.5, 12);
    expect(computeBudgetRemaining(0, 0.999)).toBe(1);
    expect(computeBudgetRemaining(null, 0.999)).toBeNull();
  });

  it('computes the budget a window consumed', () => {
    // burn 14.4 for 1h of 30d: 14.4 × 3600 / 2592000 = 0.02
    expect(computeBudgetConsumed(14.4, HOUR, 30 * DAY)).toBeCloseTo(0.02, 12);
    // burn 6 for 6h of 30d: 6 × 21600 / 2592000 = 0.05
    expect(computeBudgetConsumed(6, 6 * HOUR, 30 * DAY)).toBeCloseTo(0.05, 12);
    // burn 1 over the whole period consumes the whole budget
    expect(computeBudgetConsumed(1, 28 * DAY, 28 * DAY)).toBe(1);
    expect(computeBudgetConsumed(null, HOUR, 30 * DAY)).toBeNull();
    expect(() => computeBudgetConsumed(1, HOUR, 0)).toThrow(RangeError);
  });

  it('computes time to exhaustion = remaining × period / burn rate', () => {
    // 50% left of 30d, burning at 2: 0.5 × 2592000 / 2 = 648000 s = 7.5 days
    expect(
      computeTimeToExhaustion({
        budgetRemaining: 0.5,
        burnRate: 2,
        periodSeconds: 30 * DAY,
      }),
    ).toBe(648_000);
    // full budget at burn 1 lasts exactly the period
    expect(
      computeTimeToExhaustion({
        budgetRemaining: 1,
        burnRate: 1,
        periodSeconds: 28 * DAY,
      }),
    ).toBe(28 * DAY);
  });

  it('says 0 when exhausted and null when not burning or no data', () => {
    const periodSeconds = 30 * DAY;
    expect(
      computeTimeToExhaustion({
        budgetRemaining: -1.5,
        burnRate: 3,
        periodSeconds,
      }),
    ).toBe(0);
    expect(
      computeTimeToExhaustion({
        budgetRemaining: 0,
        burnRate: null,
        periodSeconds,
      }),
    ).toBe(0);
    expect(
      computeTimeToExhaustion({
        budgetRemaining: 0.7,
        burnRate: 0,
        periodSeconds,
      }),
    ).toBeNull();
    expect(
      computeTimeToExhaustion({
        budgetRemaining: 0.7,
        burnRate: null,
        periodSeconds,
      }),
    ).toBeNull();
    expect(
      computeTimeToExhaustion({
        budgetRemaining: null,
        burnRate: 4,
        periodSeconds,
      }),
    ).toBeNull();
  });
});
