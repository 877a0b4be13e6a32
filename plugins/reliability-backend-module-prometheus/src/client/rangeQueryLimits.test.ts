import {
  chooseBucketStepSeconds,
  countRangePoints,
  minimumRangeStepSeconds,
} from './rangeQueryLimits';

const DAY = 86_400;

describe('range query limits', () => {
  it('needs at least a 4-minute step for 30 days of buckets', () => {
    expect(minimumRangeStepSeconds(30 * DAY)).toBe(236);
    // Buckets ending every step over the window: window / step points.
    expect(chooseBucketStepSeconds(30 * DAY, 11_000)).toBe(240);
    expect(countRangePoints(0, 30 * DAY - 240, 240)).toBe(10_800);
    expect(countRangePoints(0, 30 * DAY - 180, 180)).toBeGreaterThan(11_000);
  });

  it('never returns a step that gives more than 11,000 buckets, whatever is asked for', () => {
    for (const days of [1, 7, 28, 30, 90, 365]) {
      const step = chooseBucketStepSeconds(days * DAY, 1_000_000);
      expect((days * DAY) / step).toBeLessThanOrEqual(11_000);
      // Buckets tile the window exactly.
      expect((days * DAY) % step).toBe(0);
    }
  });

  it('picks whole-minute steps that divide the window for the chart resolution', () => {
    expect(chooseBucketStepSeconds(30 * DAY, 720)).toBe(3_600);
    expect(chooseBucketStepSeconds(28 * DAY, 720)).toBe(56 * 60);
    // 10,080 minutes / 1,000 needs ≥ 11 min; 12 is the next divisor.
    expect(chooseBucketStepSeconds(7 * DAY, 1_000)).toBe(12 * 60);
    expect(chooseBucketStepSeconds(3_600, 720)).toBe(60);
  });

  it('rejects windows that are not whole minutes', () => {
    expect(() => chooseBucketStepSeconds(90, 10)).toThrow(
      /whole number of minutes/,
    );
  });
});
