import { formatTickMonth } from './ReportTrendChart';

describe('formatTickMonth', () => {
  it('marks the two-digit year so it cannot be read as a day of the month', () => {
    expect(formatTickMonth('2026-02')).toBe('Feb ’26');
    expect(formatTickMonth('2025-12')).toBe('Dec ’25');
  });
});
