import type { OnCallShift } from '../types';
import { parseInstant } from './durations';
import type { TimeInterval } from './mergeIntervals';

/**
 * The span of time an on-call shift covers. A `null` start or end means the
 * shift is open on that side (permanent on-call has both `null`).
 *
 * @returns `undefined` when a bound is unparseable or the shift is empty
 * (end not after start), so one bad record from a source is skipped rather
 * than poisoning every computation that uses it.
 * @public
 */
export function shiftInterval(
  shift: Pick<OnCallShift, 'start' | 'end'>,
): TimeInterval | undefined {
  const start = shift.start === null ? -Infinity : parseInstant(shift.start);
  const end = shift.end === null ? Infinity : parseInstant(shift.end);
  if (start === undefined || end === undefined || !(start < end)) {
    return undefined;
  }
  return { start, end };
}
