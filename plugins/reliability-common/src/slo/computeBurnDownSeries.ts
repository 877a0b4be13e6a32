import { computeErrorBudget } from './errorBudget';

/**
 * Events of one step of a range query: the increments of the good and total
 * counters during the step that ends at `timestamp` (what
 * `increase(x[step])` evaluated at `timestamp` returns).
 * @public
 */
export interface BurnDownBucket {
  /** ISO-8601 end of the step. */
  timestamp: string;
  good: number;
  total: number;
}

/** Input of {@link computeBurnDownSeries}. @public */
export interface BurnDownInput {
  /** Objective as a fraction, e.g. 0.999. */
  objective: number;
  /** Length of the SLO window, e.g. 2592000 for 30d. */
  periodSeconds: number;
  /** ISO-8601 start of the window the buckets cover (for the ideal line). */
  windowStart: string;
  /** Buckets in ascending time order, covering the window. */
  buckets: readonly BurnDownBucket[];
}

/**
 * One point of the burn-down chart. With B(k) and T(k) the bad and total
 * events summed from the window start through bucket k, N the last bucket
 * and E = 1 − objective:
 * @public
 */
export interface BurnDownPoint {
  timestamp: string;
  /**
   * 1 − B(k)/T(k): attainment from the window start to this point; `null`
   * before any traffic.
   */
  attainment: number | null;
  /**
   * 1 − (B(k)/T(k)) / E: the budget that would remain if the window ended
   * here, the same formula as the headline "budget remaining" applied to the
   * events seen so far (so the last point equals the headline figure). May be
   * negative; `null` before any traffic.
   */
  budgetRemaining: number | null;
  /**
   * 1 − B(k) / (E × T(N)): share of the whole window's error allowance (E
   * times all events in the window) not yet spent by the errors up to this
   * point. Starts at 1, never rises, and also ends at the headline figure;
   * this is the line to compare with `idealBudgetRemaining`. `null` only when
   * the whole window had no traffic.
   */
  eventBudgetRemaining: number | null;
  /**
   * 1 − (timestamp − windowStart) / period, clamped to [0, 1]: where
   * `eventBudgetRemaining` would be if errors arrived evenly over the window
   * at exactly the objective (burn rate 1). `null` if a timestamp does not
   * parse.
   */
  idealBudgetRemaining: number | null;
}

// A step with unusable numbers (NaN from a series with too few samples,
// negative from a broken counter) contributes no events.
function sanitize(bucket: BurnDownBucket): { bad: number; total: number } {
  const { good, total } = bucket;
  if (!Number.isFinite(good) || !Number.isFinite(total) || total <= 0) {
    return { bad: 0, total: 0 };
  }
  // increase() extrapolates each counter on its own, so good may slightly
  // exceed total (or go below 0); keep the bad count within [0, total].
  const bad = Math.min(total, Math.max(0, total - good));
  return { bad, total };
}

/**
 * The burn-down series of one SLO over its window: cumulative attainment and
 * budget remaining at every step, plus the ideal linear burn. See
 * {@link BurnDownPoint} for the exact definitions.
 * @public
 */
export function computeBurnDownSeries(input: BurnDownInput): BurnDownPoint[] {
  const budget = computeErrorBudget(input.objective);
  if (!Number.isFinite(input.periodSeconds) || input.periodSeconds <= 0) {
    throw new RangeError(
      `SLO period must be positive, got ${input.periodSeconds}s`,
    );
  }
  const events = input.buckets.map(sanitize);
  const windowTotal = events.reduce((sum, { total }) => sum + total, 0);
  const windowStartMs = Date.parse(input.windowStart);
  const periodMs = input.periodSeconds * 1000;

  let bad = 0;
  let total = 0;
  return input.buckets.map((bucket, index) => {
    bad += events[index].bad;
    total += events[index].total;
    const errorRatio = total > 0 ? bad / total : null;
    const timestampMs = Date.parse(bucket.timestamp);
    const ideal =
      Number.isFinite(timestampMs) && Number.isFinite(windowStartMs)
        ? Math.min(1, Math.max(0, 1 - (timestampMs - windowStartMs) / periodMs))
        : null;
    return {
      timestamp: bucket.timestamp,
      attainment: errorRatio === null ? null : 1 - errorRatio,
      budgetRemaining: errorRatio === null ? null : 1 - errorRatio / budget,
      eventBudgetRemaining:
        windowTotal > 0 ? 1 - bad / (budget * windowTotal) : null,
      idealBudgetRemaining: ideal,
    };
  });
}
