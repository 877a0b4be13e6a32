import { InputError } from '@backstage/errors';
import {
  dayRangePeriod,
  lastFullMonth,
  monthPeriod,
  previousPeriod,
  resolveReportPeriod,
  validateReportPeriod,
} from './reportPeriod';
import { localDateTime, parseLocalDate, startOfLocalDay } from './zonedTime';

const HOUR = 3_600_000;

function hours(period: { start: string; end: string }): number {
  return (Date.parse(period.end) - Date.parse(period.start)) / HOUR;
}

describe('report periods', () => {
  describe('calendar months across DST changes', () => {
    it('March in Berlin starts at CET midnight, ends at CEST midnight and is 743 hours long', () => {
      // 2026-03-01 00:00 CET (UTC+1) = 2026-02-28 23:00 UTC
      // clocks go 02:00 -> 03:00 on Sunday 2026-03-29
      // 2026-04-01 00:00 CEST (UTC+2) = 2026-03-31 22:00 UTC
      // 31 days x 24 h - 1 h = 743 h
      const march = monthPeriod(2026, 3, 'Europe/Berlin');
      expect(march).toEqual({
        kind: 'month',
        timeZone: 'Europe/Berlin',
        startDate: '2026-03-01',
        endDate: '2026-04-01',
        start: '2026-02-28T23:00:00.000Z',
        end: '2026-03-31T22:00:00.000Z',
      });
      expect(hours(march)).toBe(743);
    });

    it('October in Berlin is 745 hours long', () => {
      // 2026-10-01 00:00 CEST = 2026-09-30 22:00 UTC
      // clocks go 03:00 -> 02:00 on Sunday 2026-10-25
      // 2026-11-01 00:00 CET = 2026-10-31 23:00 UTC; 31 x 24 + 1 = 745 h
      const october = monthPeriod(2026, 10, 'Europe/Berlin');
      expect(october.start).toBe('2026-09-30T22:00:00.000Z');
      expect(october.end).toBe('2026-10-31T23:00:00.000Z');
      expect(hours(october)).toBe(745);
    });

    it('a UTC month is whole days', () => {
      const february = monthPeriod(2026, 2);
      expect(february.timeZone).toBe('UTC');
      expect(february.start).toBe('2026-02-01T00:00:00.000Z');
      expect(february.end).toBe('2026-03-01T00:00:00.000Z');
      expect(hours(february)).toBe(28 * 24);
    });
  });

  describe('the default period: the last full month', () => {
    it('depends on the zone around midnight', () => {
      // 2026-02-28 23:30 UTC is already 1 March 00:30 in Berlin
      const now = new Date('2026-02-28T23:30:00Z');
      expect(lastFullMonth(now, 'Europe/Berlin').startDate).toBe('2026-02-01');
      expect(lastFullMonth(now).startDate).toBe('2026-01-01');
    });

    it('refuses an invalid clock', () => {
      expect(() => lastFullMonth(new Date('not a date'))).toThrow(
        /"now" is an invalid date/,
      );
    });

    it('is December of the previous year in January', () => {
      const period = lastFullMonth(new Date('2027-01-10T12:00:00Z'));
      expect(period.startDate).toBe('2026-12-01');
      expect(period.endDate).toBe('2027-01-01');
    });
  });

  describe('the previous period', () => {
    it('of March in Berlin is February, 672 hours', () => {
      // 2026-02-01 00:00 CET = 2026-01-31 23:00 UTC
      const february = previousPeriod(monthPeriod(2026, 3, 'Europe/Berlin'));
      expect(february.kind).toBe('month');
      expect(february.start).toBe('2026-01-31T23:00:00.000Z');
      expect(february.end).toBe('2026-02-28T23:00:00.000Z');
      expect(hours(february)).toBe(672);
    });

    it('of January is December of the year before', () => {
      const december = previousPeriod(monthPeriod(2026, 1));
      expect(december.startDate).toBe('2025-12-01');
      expect(december.endDate).toBe('2026-01-01');
    });

    it('of a run of days is as many days just before it', () => {
      // the day of the spring change is 23 hours; the day before is 24
      const changeDay = dayRangePeriod(
        '2026-03-29',
        '2026-03-30',
        'Europe/Berlin',
      );
      expect(changeDay.start).toBe('2026-03-28T23:00:00.000Z');
      expect(changeDay.end).toBe('2026-03-29T22:00:00.000Z');
      expect(hours(changeDay)).toBe(23);

      const before = previousPeriod(changeDay);
      expect(before).toEqual({
        kind: 'days',
        timeZone: 'Europe/Berlin',
        startDate: '2026-03-28',
        endDate: '2026-03-29',
        start: '2026-03-27T23:00:00.000Z',
        end: '2026-03-28T23:00:00.000Z',
      });
    });
  });

  describe('validation', () => {
    const now = new Date('2026-06-15T12:00:00Z');

    it('accepts a finished period', () => {
      expect(() =>
        validateReportPeriod(monthPeriod(2026, 5), now),
      ).not.toThrow();
    });

    it('rejects a period that is not over yet or lies in the future', () => {
      expect(() => validateReportPeriod(monthPeriod(2026, 6), now)).toThrow(
        /2026-06-01 to 2026-07-01 \(UTC\) is not over yet/,
      );
      expect(() => validateReportPeriod(monthPeriod(2027, 1), now)).toThrow(
        InputError,
      );
    });

    it('rejects an inverted or empty range of days', () => {
      expect(() =>
        dayRangePeriod('2026-03-10', '2026-03-01', 'Europe/Berlin'),
      ).toThrow(/to \(2026-03-01\) must be after from \(2026-03-10\)/);
      expect(() => dayRangePeriod('2026-03-10', '2026-03-10')).toThrow(
        InputError,
      );
    });

    it('allows 366 days (a leap year) but not 367', () => {
      expect(() =>
        validateReportPeriod(dayRangePeriod('2024-01-01', '2025-01-01'), now),
      ).not.toThrow();
      expect(() =>
        validateReportPeriod(dayRangePeriod('2024-01-01', '2025-01-02'), now),
      ).toThrow(/spans 367 days; at most 366/);
    });

    it('names the bad field', () => {
      expect(() => dayRangePeriod('2026-02-30', '2026-03-05')).toThrow(
        /from "2026-02-30" is not a calendar date/,
      );
      expect(() => monthPeriod(2026, 3, 'Europe/Berlinn')).toThrow(
        /timeZone "Europe\/Berlinn" is not a known IANA time zone/,
      );
      expect(() => resolveReportPeriod({ month: '2026-13' }, now)).toThrow(
        /month 2026-13 is not a calendar month/,
      );
      expect(() => resolveReportPeriod({ month: 'May' }, now)).toThrow(
        /month "May" is not in the form YYYY-MM/,
      );
      expect(() =>
        resolveReportPeriod({ month: '2026-05', from: '2026-05-01' }, now),
      ).toThrow(/either month or from\/to/);
      expect(() => resolveReportPeriod({ from: '2026-05-01' }, now)).toThrow(
        /to is missing/,
      );
    });

    it('resolves a request, defaulting to the last full month in UTC', () => {
      expect(resolveReportPeriod({}, now).startDate).toBe('2026-05-01');
      const days = resolveReportPeriod(
        { from: '2026-05-01', to: '2026-05-08', timeZone: 'Europe/Berlin' },
        now,
      );
      expect(days.kind).toBe('days');
      expect(days.start).toBe('2026-04-30T22:00:00.000Z');
      expect(days.end).toBe('2026-05-07T22:00:00.000Z');
    });
  });

  describe('start of a local day', () => {
    it('is the DST change itself where midnight is skipped', () => {
      // America/Santiago jumps from 2026-09-06 00:00 -04 to 01:00 -03:
      // the day begins at 04:00 UTC, which reads 01:00 locally
      const start = startOfLocalDay(
        parseLocalDate('2026-09-06', 'day'),
        'America/Santiago',
      );
      expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
      expect(localDateTime(start - 1, 'America/Santiago')).toMatchObject({
        day: 5,
        hour: 23,
        minute: 59,
      });
    });
  });
});
