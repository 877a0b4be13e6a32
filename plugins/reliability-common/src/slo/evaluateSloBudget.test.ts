import { evaluateSloBudget } from './evaluateSloBudget';

const DAY = 86_400;

describe('evaluateSloBudget', () => {
  it('evaluates an SLO that is burning fast right now', () => {
    const result = evaluateSloBudget({
      objective: 0.999, // budget 0.001
      periodSeconds: 30 * DAY,
      // 2 500 bad of 10 000 000: error ratio 0.00025
      period: { good: 9_997_500, total: 10_000_000 },
      windows: {
        '5m': { good: 980, total: 1_000 }, // 20 bad → 0.02 → burn 20
        '30m': { good: 5_892, total: 6_000 }, // 108 bad → 0.018 → burn 18
        '1h': { good: 11_820, total: 12_000 }, // 180 bad → 0.015 → burn 15
        '2h': { good: 23_784, total: 24_000 }, // 216 bad → 0.009 → burn 9
        '6h': { good: 71_712, total: 72_000 }, // 288 bad → 0.004 → burn 4
        '1d': { good: 287_280, total: 288_000 }, // 720 bad → 0.0025 → burn 2.5
        '3d': { good: 999_100, total: 1_000_000 }, // 900 bad → 0.0009 → burn 0.9
      },
    });

    expect(result.errorBudget).toBe(0.001);
    expect(result.attainment).toBeCloseTo(0.99975, 12);
    expect(result.errorRatio).toBeCloseTo(0.00025, 12);
    // 1 − 0.00025 / 0.001 = 0.75
    expect(result.budgetRemaining).toBeCloseTo(0.75, 10);

    const burn = Object.fromEntries(
      result.burnRates.map(b => [b.window, b.burnRate]),
    );
    expect(burn['5m']).toBeCloseTo(20, 9);
    expect(burn['30m']).toBeCloseTo(18, 9);
    expect(burn['1h']).toBeCloseTo(15, 9);
    expect(burn['2h']).toBeCloseTo(9, 9);
    expect(burn['6h']).toBeCloseTo(4, 9);
    expect(burn['1d']).toBeCloseTo(2.5, 9);
    expect(burn['3d']).toBeCloseTo(0.9, 9);

    // 1h at burn 15 consumed 15 × 3600 / 2592000 = 0.0208333… of the budget
    const oneHour = result.burnRates.find(b => b.window === '1h')!;
    expect(oneHour.seconds).toBe(3600);
    expect(oneHour.budgetConsumed).toBeCloseTo(15 / 720, 10);

    // 1h/5m: 15 and 20 both ≥ 14.4 → page; 6h/30m: 4 < 6; 1d/2h: 2.5 < 3;
    // 3d/6h: 0.9 < 1
    expect(result.alerts.state).toBe('page');
    expect(result.alerts.firing.map(r => r.longWindow)).toEqual(['1h']);

    // 0.75 × 2592000 / 15 = 129600 s = 36 hours at the 1h burn rate
    expect(result.currentBurnRateWindow).toBe('1h');
    expect(result.timeToExhaustionSeconds).toBeCloseTo(129_600, 3);
  });

  it('extrapolates time to exhaustion from another window when asked', () => {
    const result = evaluateSloBudget({
      objective: 0.99, // budget 0.01
      periodSeconds: 28 * DAY,
      period: { good: 995, total: 1_000 }, // 0.005 → remaining 1 − 0.5 = 0.5
      windows: { '6h': { good: 98, total: 100 } }, // 0.02 → burn 2
      currentBurnRateWindow: '6h',
    });
    // 0.5 × 2419200 / 2 = 604800 s = 7 days
    expect(result.timeToExhaustionSeconds).toBeCloseTo(7 * DAY, 3);
  });

  it('shows an exhausted budget as negative with zero time left', () => {
    const result = evaluateSloBudget({
      objective: 0.999,
      periodSeconds: 30 * DAY,
      // 25 000 bad of 10 000 000 = 0.0025 = 2.5 budgets → 1 − 2.5 = −1.5
      period: { good: 9_975_000, total: 10_000_000 },
      // healthy right now: no errors anywhere
      windows: {
        '5m': { good: 1_000, total: 1_000 },
        '30m': { good: 6_000, total: 6_000 },
        '1h': { good: 12_000, total: 12_000 },
        '2h': { good: 24_000, total: 24_000 },
        '6h': { good: 72_000, total: 72_000 },
        '1d': { good: 288_000, total: 288_000 },
        '3d': { good: 864_000, total: 864_000 },
      },
    });
    expect(result.budgetRemaining).toBeCloseTo(-1.5, 10);
    expect(result.attainment).toBeCloseTo(0.9975, 12);
    expect(result.timeToExhaustionSeconds).toBe(0);
    expect(result.alerts.state).toBe('ok');
    expect(result.burnRates.every(b => b.burnRate === 0)).toBe(true);
  });

  it('reports no data, and no NaN anywhere, without traffic', () => {
    const result = evaluateSloBudget({
      objective: 0.995,
      periodSeconds: 30 * DAY,
      period: { good: 0, total: 0 },
      windows: { '5m': { good: Number.NaN, total: Number.NaN }, '1h': null },
    });
    expect(result.attainment).toBeNull();
    expect(result.errorRatio).toBeNull();
    expect(result.budgetRemaining).toBeNull();
    expect(result.timeToExhaustionSeconds).toBeNull();
    expect(result.alerts.state).toBe('no-data');
    expect(result.burnRates).toHaveLength(7);
    expect(
      result.burnRates.every(
        b =>
          b.errorRatio === null &&
          b.burnRate === null &&
          b.budgetConsumed === null,
      ),
    ).toBe(true);
    // the whole result survives JSON without NaN turning into null silently
    expect(JSON.stringify(result)).not.toMatch(/NaN|Infinity/);
  });
});
