import type { BurnDownPoint } from './computeBurnDownSeries';

/** Points a burn-down keeps by default: enough for a card's width. @public */
export const BURN_DOWN_MAX_POINTS = 120;

/** The value whose shape the chart draws: the event budget line. */
function plotted(point: BurnDownPoint): number {
  return point.eventBudgetRemaining ?? point.budgetRemaining ?? 1;
}

/**
 * A burn-down series reduced to at most `maxPoints` of its own points
 * (Largest-Triangle-Three-Buckets on the plotted budget line): the first
 * and last points are always kept, so the series still starts at the window
 * start and ends at the headline figure, and from each bucket in between the
 * point that best keeps the line's shape (a sudden drop survives, a flat
 * stretch thins out). Points are kept whole, never averaged, so every field
 * of a kept point is a real measurement. Shorter series are returned as
 * they are.
 * @public
 */
export function downsampleBurnDown(
  points: readonly BurnDownPoint[],
  maxPoints: number = BURN_DOWN_MAX_POINTS,
): BurnDownPoint[] {
  if (maxPoints < 3 || points.length <= maxPoints) {
    return [...points];
  }
  const kept: BurnDownPoint[] = [points[0]];
  // Buckets between the fixed first and last points.
  const bucketSize = (points.length - 2) / (maxPoints - 2);
  let previous = 0;
  for (let bucket = 0; bucket < maxPoints - 2; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.min(
      Math.floor((bucket + 1) * bucketSize) + 1,
      points.length - 1,
    );
    // The average of the next bucket (or the last point) anchors the triangle.
    const nextStart = end;
    const nextEnd = Math.min(
      Math.floor((bucket + 2) * bucketSize) + 1,
      points.length,
    );
    let avgX = 0;
    let avgY = 0;
    const span = Math.max(1, nextEnd - nextStart);
    for (let i = nextStart; i < nextStart + span; i++) {
      avgX += i;
      avgY += plotted(points[Math.min(i, points.length - 1)]);
    }
    avgX /= span;
    avgY /= span;

    const ax = previous;
    const ay = plotted(points[previous]);
    let best = start;
    let bestArea = -1;
    for (let i = start; i < end; i++) {
      const area = Math.abs(
        (ax - avgX) * (plotted(points[i]) - ay) - (ax - i) * (avgY - ay),
      );
      if (area > bestArea) {
        bestArea = area;
        best = i;
      }
    }
    kept.push(points[best]);
    previous = best;
  }
  kept.push(points[points.length - 1]);
  return kept;
}
