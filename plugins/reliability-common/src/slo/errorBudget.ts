/**
 * Error-budget arithmetic from the Google SRE Workbook, "Alerting on SLOs".
 *
 * Ratios are fractions (0.999, not 99.9). Every function returns `null` when
 * its input is "no data", so callers never have to guard against `NaN`.
 */

/**
 * Throws unless `objective` is a number strictly between 0 and 1.
 *
 * Definitions are validated when parsed, so an invalid objective here is a
 * programming error, not user input.
 * @public
 */
export function assertSloObjective(objective: number): void {
  if (!Number.isFinite(objective) || objective <= 0 || objective >= 1) {
    throw new RangeError(
      `SLO objective must be strictly between 0 and 1, got ${objective}`,
    );
  }
}

function decimalPlaces(value: number): number | undefined {
  const text = String(value);
  if (/e/i.test(text)) {
    return undefined;
  }
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * Error budget = 1 − objective, e.g. 0.001 for a 99.9% objective.
 *
 * Computed in decimal when the objective has at most 15 decimals, because
 * `1 - 0.999` is `0.0010000000000000009` in binary floating point and that
 * noise would show up in every burn rate derived from it.
 * @public
 */
export function computeErrorBudget(objective: number): number {
  assertSloObjective(objective);
  const places = decimalPlaces(objective);
  if (places === undefined || places > 15) {
    return 1 - objective;
  }
  const scale = 10 ** places;
  return (scale - Math.round(objective * scale)) / scale;
}

/**
 * Burn rate = error ratio / (1 − objective): how many times faster than
 * "exactly on budget" the budget is being spent. 1 means the budget lasts
 * exactly the SLO period.
 *
 * @returns `null` when `errorRatio` is `null` (no traffic in the window).
 * @public
 */
export function computeBurnRate(
  errorRatio: number | null,
  objective: number,
): number | null {
  const budget = computeErrorBudget(objective);
  if (errorRatio === null || !Number.isFinite(errorRatio)) {
    return null;
  }
  return errorRatio / budget;
}

/**
 * Budget remaining over the SLO period = 1 − errorRatio / (1 − objective),
 * where `errorRatio` is measured over the whole period. 1 is untouched, 0 is
 * spent, below 0 is overspent (e.g. −1.5 = spent 2.5 budgets).
 *
 * @returns `null` when there was no traffic over the period.
 * @public
 */
export function computeBudgetRemaining(
  periodErrorRatio: number | null,
  objective: number,
): number | null {
  const burnRate = computeBurnRate(periodErrorRatio, objective);
  return burnRate === null ? null : 1 - burnRate;
}

/**
 * Share of the period's error budget a window consumed =
 * burnRate × windowSeconds / periodSeconds (e.g. a burn rate of 14.4 for one
 * hour of a 30-day period consumes 2%).
 *
 * @returns `null` when `burnRate` is `null`.
 * @public
 */
export function computeBudgetConsumed(
  burnRate: number | null,
  windowSeconds: number,
  periodSeconds: number,
): number | null {
  if (burnRate === null || !Number.isFinite(burnRate)) {
    return null;
  }
  if (!(periodSeconds > 0) || !(windowSeconds >= 0)) {
    throw new RangeError(
      `window (${windowSeconds}s) and period (${periodSeconds}s) must be positive`,
    );
  }
  return (burnRate * windowSeconds) / periodSeconds;
}

/** Input of {@link computeTimeToExhaustion}. @public */
export interface TimeToExhaustionInput {
  /** Budget remaining as a fraction of the period's budget (may be negative). */
  budgetRemaining: number | null;
  /** The burn rate to extrapolate, typically the 1h one. */
  burnRate: number | null;
  periodSeconds: number;
}

/**
 * Seconds until the remaining budget is spent if the current burn rate
 * holds = budgetRemaining × period / burnRate. At burn rate b the budget
 * drains at b / period of itself per second. (Extrapolation: on a rolling
 * window old errors also age out, which this deliberately ignores.)
 *
 * @returns `0` when the budget is already spent (remaining ≤ 0); `null` when
 * there is no data or the burn rate is 0 (the budget is not being spent).
 * @public
 */
export function computeTimeToExhaustion(
  input: TimeToExhaustionInput,
): number | null {
  const { budgetRemaining, burnRate, periodSeconds } = input;
  if (budgetRemaining === null || !Number.isFinite(budgetRemaining)) {
    return null;
  }
  if (budgetRemaining <= 0) {
    return 0;
  }
  if (burnRate === null || !Number.isFinite(burnRate) || burnRate <= 0) {
    return null;
  }
  return (budgetRemaining * periodSeconds) / burnRate;
}
