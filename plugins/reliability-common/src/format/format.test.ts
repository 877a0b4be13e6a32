import {
  formatBudgetRemaining,
  formatDateTime,
  formatDay,
  formatPercent,
} from '.';

describe('the product-wide formats', () => {
  it('writes instants one way, on a 24-hour clock with their zone', () => {
    expect(
      formatDateTime('2026-12-02T22:00:00.000Z', {
        timeZone: 'UTC',
        locale: 'en-US',
      }),
    ).toBe('Wed, Dec 2, 22:00 UTC');
    expect(formatDateTime('not a date')).toBe('unknown time');
  });

  it('writes calendar days in UTC', () => {
    expect(formatDay('2025-06-30')).toBe('Jun 30, 2025');
  });

  it('rounds a budget the same way on every card and in check messages', () => {
    // The card said "70% left" and the scorecard "69.996%" for the same SLO.
    expect(formatBudgetRemaining(0.69996)).toBe('70% left');
    expect(formatPercent(0.69996, 1)).toBe('70%');
    expect(formatBudgetRemaining(-0.125)).toBe('exhausted (-12.5%)');
  });
});
