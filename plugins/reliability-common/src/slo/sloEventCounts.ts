/**
 * Event counts of an SLI over one window, and the ratios derived from them.
 *
 * Counts come from `increase()` over counters, so they are real numbers
 * (Prometheus extrapolates to the window edges) and may be `NaN` when a series
 * had too few samples. Everything here turns such input into `null` ("no
 * data") rather than letting `NaN` or `Infinity` reach a screen.
 */

/** Good and total events of an SLI over one window. @public */
export interface SloEventCounts {
  good: number;
  total: number;
}

function clampToUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Counts of a bad/total SLI expressed as good/total (good = total − bad).
 * @public
 */
export function countsFromBad(bad: number, total: number): SloEventCounts {
  return { good: total - bad, total };
}

/**
 * Wraps a precomputed error ratio (e.g. from a recording rule) as counts, so
 * it can be fed to the same arithmetic; `null` or a non-finite ratio yields
 * zero traffic.
 * @public
 */
export function countsFromErrorRatio(
  errorRatio: number | null,
): SloEventCounts {
  if (errorRatio === null || !Number.isFinite(errorRatio)) {
    return { good: 0, total: 0 };
  }
  return { good: 1 - errorRatio, total: 1 };
}

/**
 * Error ratio = (total − good) / total, clamped to [0, 1].
 *
 * The clamp absorbs `increase()` extrapolation, which can report slightly
 * more good (or bad) events than total events over the same window.
 *
 * @returns `null` when there was no traffic (total ≤ 0) or the counts are
 * not finite numbers.
 * @public
 */
export function computeErrorRatio(
  counts: SloEventCounts | null | undefined,
): number | null {
  if (!counts) {
    return null;
  }
  const { good, total } = counts;
  if (!Number.isFinite(good) || !Number.isFinite(total) || total <= 0) {
    return null;
  }
  return clampToUnit((total - good) / total);
}

/**
 * Attainment = good / total (= 1 − error ratio), clamped to [0, 1].
 *
 * @returns `null` when there was no traffic or the counts are not finite.
 * @public
 */
export function computeAttainment(
  counts: SloEventCounts | null | undefined,
): number | null {
  if (!counts) {
    return null;
  }
  const { good, total } = counts;
  if (!Number.isFinite(good) || !Number.isFinite(total) || total <= 0) {
    return null;
  }
  return clampToUnit(good / total);
}
