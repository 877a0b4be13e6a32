import { nearestRank } from './percentile';

/**
 * A sparse histogram of durations: `[bucket lower bound in seconds, count]`
 * pairs, ascending, empty buckets left out, so a day with three incidents
 * stores three pairs at most.
 *
 * Buckets (log-linear, like HDR histograms, in integer arithmetic so that
 * every machine buckets alike):
 * - below 128 s: one bucket per whole second;
 * - from 128 s: each power-of-two range [2^e, 2^(e+1)) is cut into 64
 *   buckets of 2^(e−6) s, i.e. 7 significant bits.
 *
 * Precision: a percentile read from a histogram is the lower bound of the
 * bucket holding the exact nearest-rank value, so it is never above the
 * exact value and less than max(1 s, exact / 64) below it (under 1.6 %,
 * e.g. under 57 s for a 1-hour MTTR).
 */
export type DurationHistogram = Array<[number, number]>;

/** Values below this many seconds get a bucket per second. */
const LINEAR_LIMIT_SECONDS = 128;
/** Sub-buckets per power of two above the linear range: 2^6. */
const SUB_BUCKET_BITS = 6;

/**
 * The lower bound, in whole seconds, of the bucket holding `seconds`.
 */
export function bucketLowerBound(seconds: number): number {
  const whole = Math.floor(Math.max(0, seconds));
  if (whole < LINEAR_LIMIT_SECONDS) {
    return whole;
  }
  let exponent = Math.floor(Math.log2(whole));
  // log2 may round across a power of two for huge inputs; correct it.
  while (2 ** exponent > whole) exponent -= 1;
  while (2 ** (exponent + 1) <= whole) exponent += 1;
  const width = 2 ** (exponent - SUB_BUCKET_BITS);
  return Math.floor(whole / width) * width;
}

function toHistogram(counts: Map<number, number>): DurationHistogram {
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/**
 * Buckets durations given in milliseconds.
 */
export function histogramOf(durationsMs: readonly number[]): DurationHistogram {
  const counts = new Map<number, number>();
  for (const ms of durationsMs) {
    const bucket = bucketLowerBound(ms / 1000);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return toHistogram(counts);
}

/**
 * Adds histograms bucket by bucket.
 */
export function mergeHistograms(
  histograms: Iterable<DurationHistogram>,
): DurationHistogram {
  const counts = new Map<number, number>();
  for (const histogram of histograms) {
    for (const [bucket, count] of histogram) {
      counts.set(bucket, (counts.get(bucket) ?? 0) + count);
    }
  }
  return toHistogram(counts);
}

/**
 * The nearest-rank `percent`-th percentile, in seconds, read from a
 * histogram: the lower bound of the bucket where the cumulative count
 * reaches the rank. See {@link DurationHistogram} for the precision.
 * @returns null for an empty histogram.
 */
export function histogramPercentile(
  histogram: DurationHistogram,
  percent: number,
): number | null {
  const total = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) {
    return null;
  }
  const rank = nearestRank(total, percent);
  let seen = 0;
  for (const [bucket, count] of histogram) {
    seen += count;
    if (seen >= rank) {
      return bucket;
    }
  }
  // Unreachable: the counts add up to total >= rank.
  return histogram[histogram.length - 1][0];
}
