import {
  BURN_RATE_ALERT_ROWS,
  deriveBurnRateAlertPolicy,
  evaluateBurnRateAlerts,
} from './burnRateAlertPolicy';
import { BURN_RATE_WINDOWS } from './burnRateWindows';

const DAY = 86_400;

describe('burn-rate windows', () => {
  it('lists the seven windows with their seconds', () => {
    expect(BURN_RATE_WINDOWS.map(w => [w.id, w.seconds])).toEqual([
      ['5m', 300],
      ['30m', 1800],
      ['1h', 3600],
      ['2h', 7200],
      ['6h', 21600],
      ['1d', 86400],
      ['3d', 259200],
    ]);
  });
});

describe('deriveBurnRateAlertPolicy', () => {
  it('gives the Workbook thresholds for a 30-day period', () => {
    // threshold = budgetConsumed × period / longWindow
    // page   1h/5m : 0.02 × 720h / 1h  = 14.4
    // page   6h/30m: 0.05 × 720h / 6h  = 6
    // ticket 1d/2h : 0.10 × 30d  / 1d  = 3
    // ticket 3d/6h : 0.10 × 30d  / 3d  = 1
    const policy = deriveBurnRateAlertPolicy(30 * DAY);
    expect(
      policy.map(r => [r.severity, r.longWindow, r.shortWindow, r.threshold]),
    ).toEqual([
      ['page', '1h', '5m', 14.4],
      ['page', '6h', '30m', 6],
      ['ticket', '1d', '2h', 3],
      ['ticket', '3d', '6h', 1],
    ]);
  });

  it('scales the thresholds for a 28-day period', () => {
    // page   1h : 0.02 × 672h / 1h = 13.44
    // page   6h : 0.05 × 672h / 6h = 5.6
    // ticket 1d : 0.10 × 28d / 1d  = 2.8
    // ticket 3d : 0.10 × 28d / 3d  = 0.9333…
    const thresholds = deriveBurnRateAlertPolicy(28 * DAY).map(
      r => r.threshold,
    );
    expect(thresholds.slice(0, 3)).toEqual([13.44, 5.6, 2.8]);
    expect(thresholds[3]).toBeCloseTo(2.8 / 3, 10);
    expect(thresholds[3]).toBeCloseTo(0.9333, 4);
  });

  it('drops rows whose long window exceeds the period', () => {
    // a 2-day period has no room for the 3d ticket row
    const policy = deriveBurnRateAlertPolicy(2 * DAY);
    expect(policy.map(r => r.longWindow)).toEqual(['1h', '6h', '1d']);
    expect(BURN_RATE_ALERT_ROWS).toHaveLength(4);
  });

  it('refuses a non-positive period', () => {
    expect(() => deriveBurnRateAlertPolicy(0)).toThrow(RangeError);
  });
});

describe('evaluateBurnRateAlerts', () => {
  const periodSeconds = 30 * DAY;

  it('pages when both the 1h and 5m burn rates reach 14.4', () => {
    const result = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: {
        '5m': 20,
        '30m': 16,
        '1h': 15,
        '2h': 9,
        '6h': 5, // below 6: the second page row stays quiet
        '1d': 2,
        '3d': 0.8,
      },
    });
    expect(result.state).toBe('page');
    expect(result.firing.map(r => `${r.longWindow}/${r.shortWindow}`)).toEqual([
      '1h/5m',
    ]);
    expect(result.firing[0]).toMatchObject({
      longBurnRate: 15,
      shortBurnRate: 20,
      threshold: 14.4,
      hasData: true,
      firing: true,
    });
    expect(result.rules).toHaveLength(4);
  });

  it('does not fire when only the long window is over (the problem stopped)', () => {
    const result = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: {
        '5m': 0.5,
        '1h': 30,
        '30m': 1,
        '6h': 2,
        '2h': 1,
        '1d': 0.9,
        '3d': 0.5,
      },
    });
    expect(result.state).toBe('ok');
    expect(result.firing).toEqual([]);
  });

  it('raises a ticket for a slow burn and lets page win over ticket', () => {
    const slow = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: {
        '5m': 1.2,
        '30m': 1.1,
        '1h': 1.3,
        '2h': 1.2,
        '6h': 1.1,
        '1d': 1.2,
        '3d': 1.05,
      },
    });
    expect(slow.state).toBe('ticket');
    expect(slow.firing.map(r => r.longWindow)).toEqual(['3d']);

    const both = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: {
        '5m': 50,
        '30m': 50,
        '1h': 50,
        '2h': 50,
        '6h': 50,
        '1d': 50,
        '3d': 50,
      },
    });
    expect(both.state).toBe('page');
    expect(both.firing).toHaveLength(4);
  });

  it('counts a burn rate equal to the threshold up to rounding as reaching it', () => {
    // 0.0144 / 0.001 is 14.399999999999999 in binary floating point
    const burn = 0.0144 / 0.001;
    const result = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: { '5m': burn, '1h': burn },
    });
    expect(result.state).toBe('page');
    // just below is not enough
    expect(
      evaluateBurnRateAlerts({
        periodSeconds,
        burnRates: { '5m': 14.39, '1h': 14.39 },
      }).state,
    ).toBe('ok');
  });

  it('uses the 28-day thresholds for a 28-day SLO', () => {
    // 14 ≥ 13.44 fires on 28d, but 14 < 14.4 would not on 30d
    const burnRates = { '5m': 14, '1h': 14 };
    expect(
      evaluateBurnRateAlerts({ periodSeconds: 28 * DAY, burnRates }).state,
    ).toBe('page');
    expect(
      evaluateBurnRateAlerts({ periodSeconds: 30 * DAY, burnRates }).state,
    ).toBe('ok');
  });

  it('reports no-data when no rule has traffic in both windows', () => {
    const none = evaluateBurnRateAlerts({ periodSeconds, burnRates: {} });
    expect(none.state).toBe('no-data');
    expect(none.rules.every(r => !r.hasData && !r.firing)).toBe(true);

    // 1h, 1d and 3d burn hard but their short windows (5m, 2h, 6h) had no
    // traffic, and 6h/30m has neither: nothing can be evaluated
    const noShort = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: { '1h': 40, '1d': 40, '3d': 40, '5m': null, '2h': Number.NaN },
    });
    expect(noShort.state).toBe('no-data');
    expect(noShort.firing).toEqual([]);
    expect(noShort.rules[2].shortBurnRate).toBeNull(); // NaN never leaks out
  });

  it('is ok, not no-data, when at least one rule could be evaluated', () => {
    const result = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: { '1d': 0.5, '2h': 0.4 },
    });
    expect(result.state).toBe('ok');
    expect(result.rules.map(r => r.hasData)).toEqual([
      false,
      false,
      true,
      false,
    ]);
  });
});
