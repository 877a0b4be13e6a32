import type { TimeInterval } from '@preflight/plugin-reliability-common';
import {
  addLocalDays,
  assertTimeZone,
  formatLocalDate,
  parseLocalDate,
  startOfLocalDay,
} from './zonedTime';

// Folding a year for 10,000 services asks for the same few hundred days
// millions of times; each answer costs several Intl calls. Day bounds never
// change, so a bounded memo is safe.
const MEMO_LIMIT = 4096;
const memo = new Map<string, { day: string; window: TimeInterval }>();

/**
 * The instants `[start, end)` of the local day `day` (`YYYY-MM-DD`) in
 * `timeZone`: 23, 24 or 25 hours around DST changes.
 * @throws InputError on a malformed day or an unknown zone.
 */
export function localDayWindow(
  day: string,
  timeZone: string,
): { day: string; window: TimeInterval } {
  const key = `${timeZone}\u0000${day}`;
  const known = memo.get(key);
  if (known) {
    return known;
  }
  assertTimeZone(timeZone, 'Daily row: timeZone');
  const date = parseLocalDate(day, 'Daily row: day');
  const result = {
    day: formatLocalDate(date),
    window: {
      start: startOfLocalDay(date, timeZone),
      end: startOfLocalDay(addLocalDays(date, 1), timeZone),
    },
  };
  if (memo.size >= MEMO_LIMIT) {
    memo.clear();
  }
  memo.set(key, result);
  return result;
}
