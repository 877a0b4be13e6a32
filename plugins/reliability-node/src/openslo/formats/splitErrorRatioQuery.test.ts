import { splitErrorRatioQuery } from './splitErrorRatioQuery';

const BAD = 'sum(rate(errors_total{job="api",path="/a/b"}[$window]))';
const GOOD = 'sum(rate(ok_total{job="api"}[$window]))';
const TOTAL = 'sum by (job) (rate(requests_total{job="api"}[$window]))';

describe('splitErrorRatioQuery', () => {
  it.each([
    `${BAD} / ${TOTAL}`,
    `(${BAD})\n/\n(${TOTAL})`,
    `((${BAD} / ${TOTAL}))`,
  ])('splits bad / total: %s', query => {
    expect(splitErrorRatioQuery(query)).toEqual({
      kind: 'bad',
      bad: BAD,
      total: TOTAL,
    });
  });

  it.each([
    `1 - (${GOOD} / ${TOTAL})`,
    `1 - ${GOOD} / ${TOTAL}`,
    `1.0 - (\n  ${GOOD}\n  /\n  ${TOTAL}\n)`,
  ])('splits 1 - good / total: %s', query => {
    expect(splitErrorRatioQuery(query)).toEqual({
      kind: 'good',
      good: GOOD,
      total: TOTAL,
    });
  });

  it.each([
    // An average of a ratio gauge: no counts to split into.
    'avg_over_time(staleness_ratio[$window])',
    // Further arithmetic around the division.
    `${BAD} / ${TOTAL} * 2`,
    `1 - ${GOOD} / ${TOTAL} - 0.1`,
    `0.5 - ${GOOD} / ${TOTAL}`,
    // Vector matching changes what is divided.
    `${BAD} / on(job) ${TOTAL}`,
    // Per-series ratios, not sums.
    'rate(errors_total[$window]) / rate(requests_total[$window])',
    // Two divisions.
    `${BAD} / ${TOTAL} / ${TOTAL}`,
    // A "/" inside a label value is not a division.
    'sum(rate(errors_total{path="/a/b"}[$window]))',
    // Unbalanced.
    `(${BAD} / ${TOTAL}`,
  ])('does not split %s', query => {
    expect(splitErrorRatioQuery(query)).toBeUndefined();
  });
});
