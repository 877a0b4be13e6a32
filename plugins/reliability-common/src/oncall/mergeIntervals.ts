/**
 * A half-open span of time `[start, end)` in epoch milliseconds. `start` may
 * be `-Infinity` and `end` `Infinity` for open-ended (permanent) coverage.
 * @public
 */
export interface TimeInterval {
  start: number;
  end: number;
}

/**
 * Merges overlapping and touching intervals into a sorted list of disjoint
 * ones, dropping empty intervals. Touching intervals are joined because a
 * shift fragmented by an override (09:00–12:00, 12:00–18:00) is continuous
 * coverage, not two shifts with a zero-length gap between them.
 * @public
 */
export function mergeIntervals(
  intervals: readonly TimeInterval[],
): TimeInterval[] {
  const sorted = intervals
    .filter(interval => interval.start < interval.end)
    .map(interval => ({ start: interval.start, end: interval.end }))
    .sort((a, b) => a.start - b.start);
  const merged: TimeInterval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push(interval);
    }
  }
  return merged;
}
