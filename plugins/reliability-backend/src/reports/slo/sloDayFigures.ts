import type {
  BurnDownBucket,
  SloEventCounts,
} from '@preflight/plugin-reliability-common';
import { computeErrorBudget } from '@preflight/plugin-reliability-common';
import {
  addLocalDays,
  formatLocalDate,
  localDateOf,
  startOfLocalDay,
} from '../metrics/zonedTime';

/** A local day and its instants `[startMs, endMs)` (23 to 25 hours). */
export interface LocalDaySpan {
  day: string;
  startMs: number;
  endMs: number;
}

/** The local day (in `timeZone`) holding the instant `ms`. */
export function localDaySpanOf(ms: number, timeZone: string): LocalDaySpan {
  const date = localDateOf(ms, timeZone);
  return {
    day: formatLocalDate(date),
    startMs: startOfLocalDay(date, timeZone),
    endMs: startOfLocalDay(addLocalDays(date, 1), timeZone),
  };
}

/**
 * The share of the SLO window's error budget the bad events of `day`
 * consumed: bad events of the day ÷ ((1 − objective) × events of the
 * window), where the window's events are those the same measurement counted
 * for attainment. A bucket belongs to the day its end falls in, `(start,
 * end]`, so a bucket ending at midnight is the day before's. With this
 * denominator the days of one calendar window add up exactly to
 * 1 − budget remaining. `null` when the window had no events.
 *
 * Slices (threshold SLIs, Timeslices budgeting) arrive as buckets of one
 * event worth their score, so the same sum holds for them.
 */
export function dayBudgetConsumed(options: {
  buckets: readonly BurnDownBucket[];
  window: SloEventCounts | null;
  objective: number;
  day: LocalDaySpan;
}): number | null {
  const { buckets, window, objective, day } = options;
  if (!window || window.total <= 0) {
    return null;
  }
  let bad = 0;
  for (const bucket of buckets) {
    const endMs = Date.parse(bucket.timestamp);
    if (endMs > day.startMs && endMs <= day.endMs) {
      bad += Math.max(0, bucket.total - bucket.good);
    }
  }
  return bad / (computeErrorBudget(objective) * window.total);
}

/**
 * Whether the buckets cover the whole of `day`: the first bucket ends at
 * most one step after the day starts and the last one at or after its end.
 * Only then is a day's consumption complete.
 */
export function bucketsCoverDay(
  buckets: readonly BurnDownBucket[],
  stepSeconds: number,
  day: LocalDaySpan,
): boolean {
  if (buckets.length === 0) {
    return false;
  }
  const firstEnd = Date.parse(buckets[0].timestamp);
  const lastEnd = Date.parse(buckets[buckets.length - 1].timestamp);
  return firstEnd - stepSeconds * 1000 <= day.startMs && lastEnd >= day.endMs;
}

/**
 * Seconds with a page-level alert firing, per local day, that one
 * measurement adds. The alert state a measurement computes is taken to hold
 * since the previous measurement of the SLO, but for at most `maxGapSeconds`
 * (the sync interval): after a missed sync nothing says what the state was.
 * The interval is split at local midnights (DST days are 23 or 25 hours).
 * Nothing is added when the alert is not firing.
 */
export function pageAlertSecondsByDay(options: {
  firing: boolean;
  measuredAtMs: number;
  previousMeasuredAtMs: number | null;
  maxGapSeconds: number;
  timeZone: string;
}): Array<{ day: string; seconds: number }> {
  const { firing, measuredAtMs, previousMeasuredAtMs, timeZone } = options;
  if (!firing) {
    return [];
  }
  const earliest = measuredAtMs - options.maxGapSeconds * 1000;
  const fromMs =
    previousMeasuredAtMs === null || previousMeasuredAtMs < earliest
      ? earliest
      : Math.min(previousMeasuredAtMs, measuredAtMs);
  const parts: Array<{ day: string; seconds: number }> = [];
  let end = measuredAtMs;
  while (end > fromMs) {
    // The day holding the instant just before `end`: an interval ending at
    // midnight belongs to the day before.
    const span = localDaySpanOf(end - 1, timeZone);
    const start = Math.max(span.startMs, fromMs);
    parts.unshift({ day: span.day, seconds: (end - start) / 1000 });
    end = start;
  }
  return parts;
}
