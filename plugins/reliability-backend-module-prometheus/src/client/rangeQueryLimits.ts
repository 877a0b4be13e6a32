/**
 * Prometheus refuses range queries that would return more than 11,000 points
 * per series ("exceeded maximum resolution of 11,000 points per timeseries").
 */
export const PROMETHEUS_MAX_POINTS_PER_SERIES = 11_000;

/**
 * Points per series a range query returns: one at `start` and one every
 * `step` up to `end`.
 */
export function countRangePoints(
  startSeconds: number,
  endSeconds: number,
  stepSeconds: number,
): number {
  if (!(stepSeconds > 0) || !(endSeconds >= startSeconds)) {
    throw new RangeError(
      `invalid range: start ${startSeconds}, end ${endSeconds}, step ${stepSeconds}`,
    );
  }
  return Math.floor((endSeconds - startSeconds) / stepSeconds) + 1;
}

/**
 * The smallest whole-second step that keeps a range of `rangeSeconds`
 * (end − start) within `maxPoints` points per series, e.g. 236 s for 30 days.
 */
export function minimumRangeStepSeconds(
  rangeSeconds: number,
  maxPoints: number = PROMETHEUS_MAX_POINTS_PER_SERIES,
): number {
  if (!(rangeSeconds >= 0) || !Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new RangeError(
      `invalid range ${rangeSeconds}s or point limit ${maxPoints}`,
    );
  }
  return Math.max(1, Math.ceil(rangeSeconds / (maxPoints - 1)));
}

/**
 * Step of a bucketed series over a window, in whole minutes: buckets
 * `(t − step, t]` ending at `now`, `now − step`, … tile the window, so the
 * step is the smallest divisor of the window that yields at most
 * `maxBuckets` buckets (and never more than Prometheus allows). A 30-day
 * window gives 4 minutes at 10,800 buckets and 1 hour at 720.
 */
export function chooseBucketStepSeconds(
  windowSeconds: number,
  maxBuckets: number,
): number {
  if (
    !Number.isInteger(windowSeconds) ||
    windowSeconds <= 0 ||
    windowSeconds % 60 !== 0
  ) {
    throw new RangeError(
      `window ${windowSeconds}s is not a positive whole number of minutes`,
    );
  }
  if (!Number.isInteger(maxBuckets) || maxBuckets < 1) {
    throw new RangeError(
      `maxBuckets must be a positive integer, got ${maxBuckets}`,
    );
  }
  const windowMinutes = windowSeconds / 60;
  const limit = Math.min(maxBuckets, PROMETHEUS_MAX_POINTS_PER_SERIES);
  const minimumMinutes = Math.ceil(windowMinutes / limit);
  for (let minutes = minimumMinutes; minutes <= windowMinutes; minutes++) {
    if (windowMinutes % minutes === 0) {
      return minutes * 60;
    }
  }
  return windowSeconds;
}
