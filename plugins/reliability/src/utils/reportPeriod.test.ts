import type { ReportPeriod } from '@preflight/plugin-reliability-common';
import {
  formatReportPeriod,
  lastWholeMonth,
  periodLastDay,
  shiftMonth,
} from './reportPeriod';

const november: ReportPeriod = {
  kind: 'month',
  timeZone: 'Europe/Berlin',
  startDate: '2026-11-01',
  endDate: '2026-12-01',
  start: '2026-10-31T23:00:00.000Z',
  end: '2026-11-30T23:00:00.000Z',
};

describe('report periods', () => {
  it('steps months across year ends', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-11', -13)).toBe('2025-10');
  });

  it('refuses what is not a month, naming it', () => {
    expect(() => shiftMonth('2026-13', 1)).toThrow(
      'Not a month (YYYY-MM): "2026-13"',
    );
    expect(() => shiftMonth('november', 1)).toThrow('"november"');
  });

  it('defaults to the month before the current one', () => {
    expect(lastWholeMonth(new Date(2026, 11, 2, 10))).toBe('2026-11');
    expect(lastWholeMonth(new Date(2027, 0, 1, 0, 5))).toBe('2026-12');
  });

  it('names months and runs of days, the end day included', () => {
    expect(formatReportPeriod(november)).toBe('November 2026');
    expect(periodLastDay(november)).toBe('2026-11-30');
    expect(
      formatReportPeriod({
        ...november,
        kind: 'days',
        startDate: '2026-11-03',
        endDate: '2026-11-10',
      }),
    ).toBe('Nov 3, 2026 – Nov 9, 2026');
  });
});
