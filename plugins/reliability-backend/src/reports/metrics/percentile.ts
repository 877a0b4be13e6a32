/**
 * The 1-based rank of the `percent`-th percentile among `count` values by
 * the nearest-rank method: `ceil(percent / 100 × count)`, at least 1.
 *
 * Nearest rank returns an observed value (no interpolation), so "p90 is
 * 40 minutes" means one real incident took 40 minutes and at least 90 % took
 * no longer. The same rank is used on exact values and on histograms, which
 * is what makes the two comparable.
 */
export function nearestRank(count: number, percent: number): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(
      `percentile must be a whole number from 1 to 100, got ${percent}`,
    );
  }
  // percent × count is an integer, so the division is exact when it can be.
  return Math.max(1, Math.ceil((percent * count) / 100));
}

/**
 * The `percent`-th percentile of `values` by the nearest-rank method (see
 * {@link nearestRank}): sort ascending, take the value at rank
 * `ceil(percent / 100 × n)`. E.g. p90 of 1..10 is 9, of 1..11 is 10.
 * @returns null for an empty list.
 */
export function nearestRankPercentile(
  values: readonly number[],
  percent: number,
): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(sorted.length, percent) - 1];
}
