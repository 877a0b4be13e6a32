/**
 * The windows burn rates are measured over: the short and long windows of
 * the Workbook's multi-window, multi-burn-rate alerts, the same set Sloth and
 * Pyrra record (`…:ratio_rate5m` … `…:ratio_rate3d`).
 */

/** Identifier of a burn-rate window. @public */
export type BurnRateWindowId = '5m' | '30m' | '1h' | '2h' | '6h' | '1d' | '3d';

/** A burn-rate window and its length. @public */
export interface BurnRateWindow {
  id: BurnRateWindowId;
  seconds: number;
}

/**
 * Every burn-rate window, shortest first.
 * @public
 */
export const BURN_RATE_WINDOWS: readonly BurnRateWindow[] = Object.freeze([
  { id: '5m', seconds: 300 },
  { id: '30m', seconds: 1_800 },
  { id: '1h', seconds: 3_600 },
  { id: '2h', seconds: 7_200 },
  { id: '6h', seconds: 21_600 },
  { id: '1d', seconds: 86_400 },
  { id: '3d', seconds: 259_200 },
] as const);

/**
 * The SLO period the window lengths above (and the alert factors 14.4, 6,
 * 3, 1) are written for: the Workbook's 30 days.
 * @public
 */
export const BURN_RATE_REFERENCE_PERIOD_SECONDS = 30 * 86_400;

/**
 * No scaled window is shorter than this: `increase()` needs two samples in
 * its window, and at the usual 1-minute scrape a 1-minute window often holds
 * only one, so the alert could never fire.
 * @public
 */
export const MIN_BURN_RATE_WINDOW_SECONDS = 300;

function scaleWindowSeconds(seconds: number, periodSeconds: number): number {
  if (periodSeconds === BURN_RATE_REFERENCE_PERIOD_SECONDS) {
    return seconds;
  }
  const scaled =
    Math.round(
      (seconds * periodSeconds) / BURN_RATE_REFERENCE_PERIOD_SECONDS / 60,
    ) * 60;
  return Math.max(scaled, Math.min(seconds, MIN_BURN_RATE_WINDOW_SECONDS));
}

/**
 * The burn-rate windows of an SLO period. The Workbook's windows are written
 * for 30 days; for any other period every window is scaled by
 * period / 30 days (rounded to the minute, at least 5 minutes) and the
 * alert factors stay as they are, as Pyrra does. Each alert row then still
 * means "this share of the period's budget spent in this share of the
 * period", and no row fires while its windows burn below 1. Scaling the
 * factors instead would give factors below 1 for short periods (7d: 0.233),
 * alerting on SLOs that will never exhaust their budget.
 * @public
 */
export function burnRateWindowsForPeriod(
  periodSeconds: number,
  windows: readonly BurnRateWindow[] = BURN_RATE_WINDOWS,
): BurnRateWindow[] {
  if (!Number.isFinite(periodSeconds) || periodSeconds <= 0) {
    throw new RangeError(`SLO period must be positive, got ${periodSeconds}s`);
  }
  return windows.map(({ id, seconds }) => ({
    id,
    seconds: scaleWindowSeconds(seconds, periodSeconds),
  }));
}

/**
 * Length of a burn-rate window in seconds, for a 30-day period or, given
 * `periodSeconds`, scaled to that period (see {@link burnRateWindowsForPeriod}).
 * @public
 */
export function burnRateWindowSeconds(
  id: BurnRateWindowId,
  periodSeconds: number = BURN_RATE_REFERENCE_PERIOD_SECONDS,
): number {
  const window = BURN_RATE_WINDOWS.find(candidate => candidate.id === id);
  if (!window) {
    throw new RangeError(`unknown burn-rate window "${id}"`);
  }
  return scaleWindowSeconds(window.seconds, periodSeconds);
}
