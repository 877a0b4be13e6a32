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

  it('scales the windows to other periods and keeps the factors', () => {
    // Windows × period / 30d, to the minute, at least 5m (as Pyrra does):
    // 28d: 1h → 56m, 5m → 4.67m → 5m, 6h → 336m, 30m → 28m, ...
    expect(
      deriveBurnRateAlertPolicy(28 * DAY).map(r => [
        r.longWindowSeconds / 60,
        r.shortWindowSeconds / 60,
        r.threshold,
      ]),
    ).toEqual([
      [56, 5, 14.4],
      [336, 28, 6],
      [1344, 112, 3],
      [4032, 336, 1],
    ]);
    // 7d: 1h → 14m, 5m → 1.17m → floored at 5m, 3d → 1008m = 16.8h
    expect(
      deriveBurnRateAlertPolicy(7 * DAY).map(r => [
        r.longWindowSeconds / 60,
        r.shortWindowSeconds / 60,
        r.threshold,
      ]),
    ).toEqual([
      [14, 5, 14.4],
      [84, 7, 6],
      [336, 28, 3],
      [1008, 84, 1],
    ]);
  });

  it('never has a factor below 1, so no row fires on a burn below 1', () => {
    for (const days of [1, 2, 7, 14, 28, 30, 90]) {
      for (const rule of deriveBurnRateAlertPolicy(days * DAY)) {
        expect(rule.threshold).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('keeps every window inside a short period', () => {
    // a 2-hour period: windows floored at 5m still fit, none outlasts it
    const policy = deriveBurnRateAlertPolicy(7200);
    expect(policy.every(r => r.longWindowSeconds <= 7200)).toBe(true);
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

  it('raises no alert for a 7-day SLO burning at 0.5', () => {
    // Scaling the thresholds instead would give 0.233 for the 3d row: a
    // permanent ticket for an SLO that keeps 50% of its budget.
    const burnRates = {
      '5m': 0.5,
      '30m': 0.5,
      '1h': 0.5,
      '2h': 0.5,
      '6h': 0.5,
      '1d': 0.5,
      '3d': 0.5,
    };
    const result = evaluateBurnRateAlerts({
      periodSeconds: 7 * DAY,
      burnRates,
    });
    expect(result.state).toBe('ok');
    expect(result.firing).toEqual([]);
  });

  it('is unknown, not ok, when the short window has no data while the long one burns', () => {
    // the service stopped reporting 5 minutes ago while burning at 20x
    const result = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: { '1h': 20, '5m': null, '6h': 3, '30m': null },
      missingWindows: ['5m', '30m'],
    });
    expect(result.state).toBe('unknown');
    expect(result.unknown.map(r => `${r.severity} ${r.longWindow}`)).toEqual([
      'page 1h',
    ]);
    expect(result.firing).toEqual([]);
    // zero traffic (not missing data) in the short window still means "not failing now"
    const quiet = evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: { '1h': 20, '5m': null, '1d': 0.5, '2h': 0.5 },
    });
    expect(quiet.state).toBe('ok');
    expect(quiet.unknown).toEqual([]);
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
