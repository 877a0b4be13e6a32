import {
  InvalidSloDurationError,
  formatSloDuration,
  nominalCalendarWindowSeconds,
  parseCalendarWindowDuration,
  parseSloDuration,
} from './sloDuration';

describe('parseSloDuration', () => {
  it.each([
    ['5m', 5 * 60], // 300
    ['30m', 30 * 60], // 1800
    ['1h', 3600],
    ['2h', 2 * 3600], // 7200
    ['7d', 7 * 86400], // 604800
    ['28d', 28 * 86400], // 2419200
    ['30d', 30 * 86400], // 2592000
    ['4w', 4 * 7 * 86400], // 2419200, the same as 28d
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseSloDuration(text)).toBe(seconds);
  });

  it.each([
    ['', /not a duration/],
    ['30', /not a duration/],
    ['d', /not a duration/],
    ['0d', /not a duration/],
    ['-1d', /not a duration/],
    ['1.5h', /not a duration/],
    [' 30d', /not a duration/],
    ['30d ', /not a duration/],
    ['030d', /not a duration/],
    ['30 d', /not a duration/],
    ['1h30m', /not a duration/],
    ['30s', /unknown unit "s"/],
    ['30D', /unknown unit "D" \(OpenSLO writes days as "d"\)/],
    ['1mo', /OpenSLO writes months as "M" \("m" is minutes\)/],
    ['1M', /calendar unit \(M: months\).*days/],
    ['1Q', /calendar unit \(Q: quarters\)/],
    ['1Y', /calendar unit \(Y: years\)/],
  ])('rejects %j with a clear error', (text, message) => {
    expect(() => parseSloDuration(text)).toThrow(InvalidSloDurationError);
    expect(() => parseSloDuration(text)).toThrow(message);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseSloDuration(30 as unknown as string)).toThrow(
      /30 is not a duration/,
    );
  });
});

describe('formatSloDuration', () => {
  it('writes the largest exact unit of days, hours or minutes', () => {
    expect(formatSloDuration(2_592_000)).toBe('30d');
    expect(formatSloDuration(2_419_200)).toBe('28d');
    expect(formatSloDuration(7_200)).toBe('2h');
    expect(formatSloDuration(5_400)).toBe('90m'); // 1.5h is not whole hours
    expect(formatSloDuration(300)).toBe('5m');
  });

  it('round-trips every parseable window', () => {
    for (const text of ['5m', '30m', '1h', '6h', '1d', '3d', '28d', '30d']) {
      expect(formatSloDuration(parseSloDuration(text))).toBe(text);
    }
  });

  it('refuses durations PromQL cannot express in whole minutes', () => {
    expect(() => formatSloDuration(0)).toThrow(RangeError);
    expect(() => formatSloDuration(90)).toThrow(RangeError);
    expect(() => formatSloDuration(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseCalendarWindowDuration', () => {
  it.each([
    ['1d', { amount: 1, unit: 'd' }, 86_400],
    ['2w', { amount: 2, unit: 'w' }, 14 * 86_400],
    ['1M', { amount: 1, unit: 'M' }, 30 * 86_400],
    ['1Q', { amount: 1, unit: 'Q' }, 91 * 86_400],
    ['1Y', { amount: 1, unit: 'Y' }, 365 * 86_400],
  ])('reads %s', (text, parts, nominalSeconds) => {
    expect(parseCalendarWindowDuration(text)).toEqual(parts);
    expect(
      nominalCalendarWindowSeconds(parseCalendarWindowDuration(text)),
    ).toBe(nominalSeconds);
  });

  it.each([
    ['1m', /is 1 minute in OpenSLO.*"1M"/],
    ['3m', /is 3 minutes in OpenSLO.*"3M"/],
    ['6h', /whole days, weeks, months, quarters or years/],
    ['1y', /OpenSLO writes years as "Y"/],
  ])('refuses %j with a clear error', (text, message) => {
    expect(() => parseCalendarWindowDuration(text)).toThrow(message);
  });
});
