import type { PrometheusPoint } from '../client/PrometheusResult';

/** Points of one series placed into the steps of a chart. */
export interface BucketedPoints {
  /** Per bucket: the value of the point that fell in it, or `undefined`. */
  values: Array<number | null | undefined>;
  /** Points outside every bucket, or a second point in an occupied bucket. */
  unmatched: number;
}

/**
 * Places range-query points into buckets by time range rather than by exact
 * timestamp: bucket `k` covers `(ends[k] - step, ends[k]]`. Prometheus
 * answers at exactly the requested instants, but VictoriaMetrics (with its
 * response cache on) shifts `start` down to a multiple of the step, so its
 * points land up to a step before each bucket's end; an exact lookup would
 * then miss every bucket and leave the chart empty without a word.
 * `ends` must be evenly spaced by `stepSeconds`.
 */
export function bucketRangePoints(
  points: readonly PrometheusPoint[] | undefined,
  ends: readonly number[],
  stepSeconds: number,
): BucketedPoints {
  const values: Array<number | null | undefined> = new Array(ends.length);
  let unmatched = 0;
  if (ends.length === 0) {
    return { values, unmatched: points?.length ?? 0 };
  }
  const first = ends[0];
  for (const point of points ?? []) {
    // Millisecond tolerance: timestamps travel as decimal seconds.
    const k = Math.ceil((point.timestampSeconds - first) / stepSeconds - 1e-6);
    if (k < 0 || k >= ends.length || values[k] !== undefined) {
      unmatched += 1;
      continue;
    }
    values[k] = point.value;
  }
  return { values, unmatched };
}
