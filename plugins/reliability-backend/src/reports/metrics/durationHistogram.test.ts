import {
  bucketLowerBound,
  histogramOf,
  histogramPercentile,
  mergeHistograms,
} from './durationHistogram';
import { nearestRankPercentile } from './percentile';

describe('nearest-rank percentile', () => {
  it('takes the value at rank ceil(p/100 x n) of the sorted values', () => {
    // n = 10: rank ceil(9) = 9
    expect(nearestRankPercentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 90)).toBe(9);
    // n = 11: rank ceil(9.9) = 10
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(
      10,
    );
    // n = 30: rank exactly 27, no floating-point rounding up to 28
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(nearestRankPercentile(thirty, 90)).toBe(27);
    // n = 1: the value itself
    expect(nearestRankPercentile([42], 90)).toBe(42);
    expect(nearestRankPercentile([], 90)).toBeNull();
  });

  it('rejects a percentile that is not a whole number from 1 to 100', () => {
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
    expect(() => nearestRankPercentile([1], 90.5)).toThrow(RangeError);
  });
});

describe('duration histogram', () => {
  it('buckets by the second below 128 s and by 7 significant bits above', () => {
    expect(bucketLowerBound(0)).toBe(0);
    expect(bucketLowerBound(127.9)).toBe(127);
    // [128, 256): buckets of 2 s
    expect(bucketLowerBound(128)).toBe(128);
    expect(bucketLowerBound(129)).toBe(128);
    expect(bucketLowerBound(255)).toBe(254);
    // [256, 512): buckets of 4 s
    expect(bucketLowerBound(256)).toBe(256);
    // one hour, in [2048, 4096): buckets of 32 s; 3600 / 32 = 112.5
    expect(bucketLowerBound(3600)).toBe(3584);
    expect(bucketLowerBound(3616)).toBe(3616);
    // one day, in [65536, 131072): buckets of 1024 s; 86400 / 1024 = 84.4
    expect(bucketLowerBound(86_400)).toBe(86_016);
  });

  it('counts durations given in milliseconds, sparse and ascending', () => {
    expect(histogramOf([3_610_000, 1_500, 3_600_000, 1_999])).toEqual([
      [1, 2],
      [3584, 2],
    ]);
    expect(histogramOf([])).toEqual([]);
  });

  it('merges bucket by bucket', () => {
    expect(
      mergeHistograms([
        [
          [1, 2],
          [3584, 1],
        ],
        [[3584, 4]],
        [],
        [[60, 1]],
      ]),
    ).toEqual([
      [1, 2],
      [60, 1],
      [3584, 5],
    ]);
  });

  it('reads a percentile as the bucket where the cumulative count reaches the rank', () => {
    const histogram: Array<[number, number]> = [
      [1, 2],
      [3584, 2],
    ];
    // 4 values: p90 rank 4, p50 rank 2
    expect(histogramPercentile(histogram, 90)).toBe(3584);
    expect(histogramPercentile(histogram, 50)).toBe(1);
    expect(histogramPercentile([], 90)).toBeNull();
  });

  it('stays below the exact percentile by less than max(1 s, exact / 64)', () => {
    // a deterministic spread of durations from 0.5 s to about 11 days
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 50; trial += 1) {
      const durationsMs = Array.from({ length: 1 + trial * 7 }, () =>
        Math.round(500 * 2 ** (next() * 21)),
      );
      const exact = nearestRankPercentile(durationsMs, 90)! / 1000;
      const estimate = histogramPercentile(histogramOf(durationsMs), 90)!;
      expect(estimate).toBe(bucketLowerBound(exact));
      expect(estimate).toBeLessThanOrEqual(exact);
      expect(exact - estimate).toBeLessThan(Math.max(1, exact / 64));
    }
  });
});
