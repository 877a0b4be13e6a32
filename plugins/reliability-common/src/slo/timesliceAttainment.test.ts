import {
  compareWithThreshold,
  computeThresholdTimesliceAttainment,
  computeTimesliceAttainment,
} from './timesliceAttainment';

describe('timeslice attainment', () => {
  it('counts slices meeting the slice target', () => {
    // target 0.95: 0.99 good, 0.95 good (equal counts), 0.94 bad, 1 good,
    // null no data → 3 good of 4 with data = 0.75
    const result = computeTimesliceAttainment({
      sliceRatios: [0.99, 0.95, 0.94, 1, null],
      timeSliceTarget: 0.95,
    });
    expect(result).toEqual({
      goodSlices: 3,
      badSlices: 1,
      noDataSlices: 1,
      totalSlices: 4,
      attainment: 0.75,
    });
  });

  it('reports no data when no slice had traffic', () => {
    const result = computeTimesliceAttainment({
      sliceRatios: [null, Number.NaN, null],
      timeSliceTarget: 0.9,
    });
    expect(result.attainment).toBeNull();
    expect(result.noDataSlices).toBe(3);
    expect(result.totalSlices).toBe(0);
  });

  it('refuses a slice target outside (0, 1]', () => {
    expect(() =>
      computeTimesliceAttainment({ sliceRatios: [1], timeSliceTarget: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      computeTimesliceAttainment({ sliceRatios: [1], timeSliceTarget: 95 }),
    ).toThrow(RangeError);
    expect(
      computeTimesliceAttainment({
        sliceRatios: [1, 0.999],
        timeSliceTarget: 1,
      }).attainment,
    ).toBe(0.5); // target 1: only perfect slices are good
  });

  it('classifies threshold slices with the objective operator', () => {
    // p99 latency per slice against "lte 0.3": 0.2 ok, 0.3 ok, 0.31 bad,
    // 0.5 bad, null skipped → 2 of 4
    const result = computeThresholdTimesliceAttainment({
      sliceValues: [0.2, 0.3, 0.31, 0.5, null],
      op: 'lte',
      value: 0.3,
    });
    expect(result.attainment).toBe(0.5);
    expect(result.goodSlices).toBe(2);
  });

  it('implements each comparison operator', () => {
    expect(compareWithThreshold(0.3, 'lt', 0.3)).toBe(false);
    expect(compareWithThreshold(0.3, 'lte', 0.3)).toBe(true);
    expect(compareWithThreshold(0.3, 'gt', 0.3)).toBe(false);
    expect(compareWithThreshold(0.3, 'gte', 0.3)).toBe(true);
    expect(compareWithThreshold(0.2, 'lt', 0.3)).toBe(true);
    expect(compareWithThreshold(0.4, 'gt', 0.3)).toBe(true);
  });
});
