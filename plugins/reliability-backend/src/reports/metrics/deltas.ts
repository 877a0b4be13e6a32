import type {
  MetricDelta,
  ServiceMovement,
} from '@preflight/plugin-reliability-common';

/**
 * Which way is good for a figure: lower MTTR, higher actionable share.
 */
export type BetterDirection = 'lower' | 'higher';

/**
 * A figure's month-over-month (or period-over-period) change. Null figures
 * (no data) give null changes: "no data → 5" is not a change of +5.
 */
export function metricDelta(
  current: number | null,
  previous: number | null,
  better: BetterDirection,
): MetricDelta {
  if (current === null || previous === null) {
    return {
      current,
      previous,
      change: null,
      relativeChange: null,
      direction: null,
    };
  }
  const change = current - previous;
  let direction: MetricDelta['direction'] = 'unchanged';
  if (change !== 0) {
    direction = change < 0 === (better === 'lower') ? 'improved' : 'worsened';
  }
  return {
    current,
    previous,
    change,
    relativeChange: previous === 0 ? null : change / Math.abs(previous),
    direction,
  };
}

/**
 * The services whose figure moved most between two periods, by the size of
 * the absolute change, largest first (ties by service id); services without
 * the figure in either period are left out, as are unchanged ones.
 */
export function servicesThatMovedMost(
  current: ReadonlyMap<string, number | null>,
  previous: ReadonlyMap<string, number | null>,
  better: BetterDirection,
  limit: number = 5,
): ServiceMovement[] {
  const movements: ServiceMovement[] = [];
  for (const [serviceId, now] of current) {
    const delta = metricDelta(now, previous.get(serviceId) ?? null, better);
    if (delta.change !== null && delta.change !== 0) {
      movements.push({ serviceId, delta });
    }
  }
  movements.sort(
    (a, b) =>
      Math.abs(b.delta.change ?? 0) - Math.abs(a.delta.change ?? 0) ||
      (a.serviceId < b.serviceId ? -1 : 1),
  );
  return movements.slice(0, limit);
}
