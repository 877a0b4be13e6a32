import {
  daysToMilliseconds,
  formatInstant,
  parseInstant,
  secondsBetween,
} from './durations';

describe('durations', () => {
  it('parses ISO timestamps and rejects missing or bad ones', () => {
    expect(parseInstant('2024-05-15T15:00:00Z')).toBe(
      Date.UTC(2024, 4, 15, 15),
    );
    expect(parseInstant('2024-05-15T17:00:00+02:00')).toBe(
      Date.UTC(2024, 4, 15, 15),
    );
    expect(parseInstant(null)).toBeUndefined();
    expect(parseInstant(undefined)).toBeUndefined();
    expect(parseInstant('yesterday-ish')).toBeUndefined();
  });

  it('measures seconds between two timestamps, negative when reversed', () => {
    expect(secondsBetween('2024-05-15T15:00:00Z', '2024-05-15T15:05:30Z')).toBe(
      330,
    );
    expect(secondsBetween('2024-05-15T15:05:30Z', '2024-05-15T15:00:00Z')).toBe(
      -330,
    );
    expect(secondsBetween('2024-05-15T15:00:00Z', null)).toBeUndefined();
    expect(secondsBetween('garbage', '2024-05-15T15:00:00Z')).toBeUndefined();
  });

  it('converts days and formats instants in UTC', () => {
    expect(daysToMilliseconds(7)).toBe(604_800_000);
    expect(formatInstant(Date.UTC(2024, 4, 15, 15))).toBe(
      '2024-05-15T15:00:00.000Z',
    );
  });
});
