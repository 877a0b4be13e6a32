import {
  OnCallShift,
  shiftInterval,
  TimeInterval,
} from '@preflight/plugin-reliability-common';

/** The length a shift with an open start or end is counted in. */
export const NOTIONAL_SHIFT_MS = 7 * 86_400_000;

/**
 * How much of one shift falls within `window`, as a fraction of a shift
 * (pro rata by time): a one-week shift with two days in a month counts 2/7
 * for that month and 5/7 for the next, so adding months (or days) gives
 * back whole shifts.
 *
 * A shift with an open bound (a permanent on-call has both) has no length
 * to divide by; it counts as a run of one-week shifts, i.e. its on-call
 * time within the window ÷ 7 days.
 */
export function shiftUnitsWithin(
  shift: TimeInterval,
  window: TimeInterval,
): number {
  const overlap =
    Math.min(shift.end, window.end) - Math.max(shift.start, window.start);
  if (!(overlap > 0)) {
    return 0;
  }
  const length = shift.end - shift.start;
  return overlap / (Number.isFinite(length) ? length : NOTIONAL_SHIFT_MS);
}

/**
 * A rotation's level-1 shifts as intervals, one per distinct person and
 * span (the same shift listed through two schedules counts once), skipping
 * unreadable or empty ones as `shiftInterval` does.
 */
export function level1ShiftIntervals(
  shifts: readonly OnCallShift[],
): Array<{ personId: string; timeZone?: string; interval: TimeInterval }> {
  const seen = new Set<string>();
  const result: Array<{
    personId: string;
    timeZone?: string;
    interval: TimeInterval;
  }> = [];
  for (const shift of shifts) {
    const interval = shiftInterval(shift);
    const key = `${shift.user.id}\u0000${interval?.start}\u0000${interval?.end}`;
    if (shift.level === 1 && interval && !seen.has(key)) {
      seen.add(key);
      result.push({
        personId: shift.user.id,
        timeZone: shift.user.timeZone,
        interval,
      });
    }
  }
  return result;
}
