import { formatDuration } from './formatDuration';
import { formatRelativeTime } from './formatRelativeTime';
import { retryAfterSeconds } from './retryAfterSeconds';
import { personInitials } from './personInitials';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [45, '45s'],
    [270, '4m 30s'],
    [3600, '1h'],
    [4320, '1h 12m'],
    [7260, '2h 1m'],
    [90061, '1d 1h'],
    [86400 * 3 + 60, '3d'],
  ])('%i seconds → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatRelativeTime', () => {
  const now = new Date('2025-03-04T14:00:00Z');
  it.each([
    ['2025-03-04T18:00:00Z', 'in 4h'],
    ['2025-03-04T13:57:00Z', '3m ago'],
    ['2025-03-04T14:00:00Z', 'just now'],
    ['2025-03-04T14:00:30Z', 'in less than a minute'],
    ['2025-03-10T09:00:00Z', 'in 5d 19h'],
    ['not a date', 'at an unknown time'],
  ])('%s → %s', (target, text) => {
    expect(formatRelativeTime(target, now)).toBe(text);
  });
});

describe('retryAfterSeconds', () => {
  const now = new Date('2025-03-04T14:00:00Z');
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds('Tue, 04 Mar 2025 14:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});

describe('personInitials', () => {
  it('takes up to two initials', () => {
    expect(personInitials('Alice Smith')).toBe('AS');
    expect(personInitials('dana')).toBe('D');
    expect(personInitials('jean-luc.picard@example.com')).toBe('JL');
    expect(personInitials('')).toBe('?');
  });
});
