import type { BurnDownPoint } from './computeBurnDownSeries';
import { computeBurnDownSeries } from './computeBurnDownSeries';
import { downsampleBurnDown } from './downsampleBurnDown';

/** 30 days of hourly buckets: steady traffic, one bad hour on day 12. */
function monthOfHours(): BurnDownPoint[] {
  const start = Date.parse('2026-11-01T00:00:00Z');
  const buckets = Array.from({ length: 720 }, (_, i) => ({
    timestamp: new Date(start + (i + 1) * 3_600_000).toISOString(),
    good: i === 12 * 24 + 5 ? 9_000 : 9_999,
    total: 10_000,
  }));
  return computeBurnDownSeries({
    objective: 0.999,
    periodSeconds: 30 * 86_400,
    windowStart: new Date(start).toISOString(),
    buckets,
  });
}

describe('downsampleBurnDown', () => {
  it('keeps at most the bound, the first point and the headline last point', () => {
    const full = monthOfHours();
    const small = downsampleBurnDown(full, 120);
    expect(small).toHaveLength(120);
    expect(small[0]).toBe(full[0]);
    expect(small[small.length - 1]).toEqual(full[full.length - 1]);
    // Oldest first, every point one of the series' own.
    const times = small.map(p => Date.parse(p.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const point of small) {
      expect(full).toContain(point);
    }
  });

  it('keeps the shape: the sudden drop survives', () => {
    const full = monthOfHours();
    const drop = full[12 * 24 + 5];
    const before = full[12 * 24 + 4];
    const small = downsampleBurnDown(full, 60);
    const budgets = small.map(p => p.eventBudgetRemaining);
    // The step down is kept: the drop point itself, and a point from
    // before it at the higher level.
    expect(budgets).toContain(drop.eventBudgetRemaining);
    expect(
      budgets.some(b => b !== null && b >= before.eventBudgetRemaining!),
    ).toBe(true);
    // Never rises, as the full line never does.
    for (let i = 1; i < small.length; i++) {
      expect(small[i].eventBudgetRemaining!).toBeLessThanOrEqual(
        small[i - 1].eventBudgetRemaining!,
      );
    }
  });

  it('leaves short series alone', () => {
    const short = monthOfHours().slice(0, 50);
    expect(downsampleBurnDown(short, 120)).toEqual(short);
  });
});
