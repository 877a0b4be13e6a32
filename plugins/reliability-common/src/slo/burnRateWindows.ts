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
 * Length of a burn-rate window in seconds.
 * @public
 */
export function burnRateWindowSeconds(id: BurnRateWindowId): number {
  const window = BURN_RATE_WINDOWS.find(candidate => candidate.id === id);
  if (!window) {
    throw new RangeError(`unknown burn-rate window "${id}"`);
  }
  return window.seconds;
}
