import {
  computeAttainment,
  computeErrorRatio,
  countsFromBad,
  countsFromErrorRatio,
} from './sloEventCounts';

describe('SLO event counts', () => {
  it('computes attainment and error ratio from good/total', () => {
    // 9990 good of 10000: attainment 0.999, error ratio 10/10000 = 0.001
    expect(computeAttainment({ good: 9990, total: 10000 })).toBe(0.999);
    expect(computeErrorRatio({ good: 9990, total: 10000 })).toBe(0.001);
  });

  it('computes the same from bad/total', () => {
    // 25 bad of 1000: good = 975, attainment 0.975, error ratio 0.025
    const counts = countsFromBad(25, 1000);
    expect(counts).toEqual({ good: 975, total: 1000 });
    expect(computeAttainment(counts)).toBe(0.975);
    expect(computeErrorRatio(counts)).toBe(0.025);
  });

  it('reports no data, never NaN, for zero or unusable traffic', () => {
    for (const counts of [
      { good: 0, total: 0 },
      { good: Number.NaN, total: 100 },
      { good: 5, total: Number.NaN },
      { good: 5, total: Number.POSITIVE_INFINITY },
      { good: 0, total: -3 },
      null,
      undefined,
    ]) {
      expect(computeAttainment(counts)).toBeNull();
      expect(computeErrorRatio(counts)).toBeNull();
    }
  });

  it('clamps extrapolation overshoot to [0, 1]', () => {
    // increase() can give good 100.4 of total 100: attainment 1, not 1.004
    expect(computeAttainment({ good: 100.4, total: 100 })).toBe(1);
    expect(computeErrorRatio({ good: 100.4, total: 100 })).toBe(0);
    // bad 100.4 of total 100 (good −0.4): error ratio 1
    expect(computeErrorRatio(countsFromBad(100.4, 100))).toBe(1);
    expect(computeAttainment(countsFromBad(100.4, 100))).toBe(0);
  });

  it('wraps a precomputed error ratio, mapping NaN to no data', () => {
    expect(computeErrorRatio(countsFromErrorRatio(0.25))).toBe(0.25);
    expect(computeErrorRatio(countsFromErrorRatio(Number.NaN))).toBeNull();
    expect(computeErrorRatio(countsFromErrorRatio(null))).toBeNull();
  });
});
