import { calendarWindowAt } from './calendarWindow';

const iso = (bounds: { start: Date; end: Date }) => [
  bounds.start.toISOString(),
  bounds.end.toISOString(),
];

describe('calendarWindowAt', () => {
  it('finds the calendar month in force, from local midnight to local midnight across a DST change', () => {
    const month = {
      startTime: '2024-01-01 00:00:00',
      timeZone: 'Europe/Berlin',
      duration: '1M',
    };
    // Berlin moves from CET (+1) to CEST (+2) on 2026-03-29: March is one
    // hour shorter than 31 days.
    const march = calendarWindowAt(month, new Date('2026-03-15T12:00:00Z'));
    expect(iso(march)).toEqual([
      '2026-02-28T23:00:00.000Z',
      '2026-03-31T22:00:00.000Z',
    ]);
    expect((march.end.getTime() - march.start.getTime()) / 3_600_000).toBe(
      31 * 24 - 1,
    );
    // The first instant of April belongs to April, the last of March to March.
    expect(
      iso(calendarWindowAt(month, new Date('2026-03-31T22:00:00Z')))[0],
    ).toBe('2026-03-31T22:00:00.000Z');
    expect(
      iso(calendarWindowAt(month, new Date('2026-03-31T21:59:59.999Z')))[0],
    ).toBe('2026-02-28T23:00:00.000Z');
  });

  it('follows the start time before it too, and keeps the day of the month where it exists', () => {
    const fromThe31st = {
      startTime: '2027-01-31 06:00:00',
      timeZone: 'UTC',
      duration: '1M',
    };
    expect(
      iso(calendarWindowAt(fromThe31st, new Date('2026-11-10T00:00:00Z'))),
    ).toEqual(['2026-10-31T06:00:00.000Z', '2026-11-30T06:00:00.000Z']);
    expect(
      iso(calendarWindowAt(fromThe31st, new Date('2027-02-28T06:00:00Z'))),
    ).toEqual(['2027-02-28T06:00:00.000Z', '2027-03-31T06:00:00.000Z']);
  });

  it('cuts weeks, quarters and years on the wall clock of the zone', () => {
    // The OpenSLO example: weeks from Saturday 2022-01-01 12:00 in New York.
    const week = {
      startTime: '2022-01-01 12:00:00',
      timeZone: 'America/New_York',
      duration: '1w',
    };
    // New York falls back on Sunday 2026-11-01: that week is 169 hours.
    const fallBack = calendarWindowAt(week, new Date('2026-11-02T00:00:00Z'));
    expect(iso(fallBack)).toEqual([
      '2026-10-31T16:00:00.000Z',
      '2026-11-07T17:00:00.000Z',
    ]);
    expect(
      iso(
        calendarWindowAt(
          { startTime: '2024-01-01 00:00:00', timeZone: 'UTC', duration: '1Q' },
          new Date('2026-08-15T00:00:00Z'),
        ),
      ),
    ).toEqual(['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z']);
    expect(
      iso(
        calendarWindowAt(
          {
            startTime: '2020-04-01 00:00:00',
            timeZone: 'Asia/Tokyo',
            duration: '1Y',
          },
          new Date('2026-02-01T00:00:00Z'),
        ),
      ),
    ).toEqual(['2025-03-31T15:00:00.000Z', '2026-03-31T15:00:00.000Z']);
  });

  it('starts a window whose wall-clock start is skipped by DST at the end of the gap', () => {
    // 02:30 does not exist in New York on 2026-03-08.
    const daily = {
      startTime: '2026-03-01 02:30:00',
      timeZone: 'America/New_York',
      duration: '1d',
    };
    expect(
      iso(calendarWindowAt(daily, new Date('2026-03-08T12:00:00Z'))),
    ).toEqual(['2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
  });
});
