import type {
  LevelDistribution,
  LevelTrendPoint,
} from '@preflight/plugin-reliability-common';

/** Key of entities below the first level in a {@link LevelDistribution}. */
export const NO_LEVEL_KEY = 'none';

/**
 * Counts level ids into a distribution that lists every given level (and
 * `none`), zeros included, so charts keep a stable set of series. Level ids
 * no longer in the rubric are counted under their own id.
 */
export function countLevels(
  levelIds: Iterable<string | null>,
  rubricLevelIds: string[],
): LevelDistribution {
  const counts: LevelDistribution = { [NO_LEVEL_KEY]: 0 };
  for (const id of rubricLevelIds) {
    counts[id] = 0;
  }
  for (const id of levelIds) {
    const key = id ?? NO_LEVEL_KEY;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/**
 * A trend whose every point lists every given level (and `none`), zeros
 * included.
 */
export function withEveryLevel(
  trend: LevelTrendPoint[],
  rubricLevelIds: string[],
): LevelTrendPoint[] {
  return trend.map(point => ({
    day: point.day,
    counts: { ...countLevels([], rubricLevelIds), ...point.counts },
  }));
}
