import type {
  LevelDistribution,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';

/** The distribution key of entities below the first level. */
export const NO_LEVEL = 'none';

/**
 * Level colours by position, lowest first. Level names are configurable, so
 * colour follows the position: three levels read as bronze, silver (a
 * steel blue, so it cannot pass for "no level" grey), gold; further levels
 * get colours of their own. Chosen from the Okabe–Ito colour-blind-safe
 * family and far apart in lightness, so neighbouring bands stay apart for
 * red-green colour-blind readers and in greyscale.
 */
const LEVEL_COLORS = [
  '#a0522d',
  '#6b8fb5',
  '#e6b400',
  '#009e73',
  '#cc79a7',
  '#0072b2',
];

/** Light grey for "no level": the absence of an achievement, not a failure. */
const NO_LEVEL_COLOR = '#d0d0d0';

/**
 * The colour of the level at `index` (0-based, lowest first); `null` or a
 * negative index is "no level".
 */
export function levelColor(index: number | null): string {
  if (index === null || index < 0) {
    return NO_LEVEL_COLOR;
  }
  return LEVEL_COLORS[Math.min(index, LEVEL_COLORS.length - 1)];
}

/** Position of a level id in the rubric; -1 for `null`, `none` or unknown. */
export function levelIndex(
  rubric: ScorecardRubricView,
  levelId: string | null,
): number {
  if (levelId === null) {
    return -1;
  }
  return rubric.levels.findIndex(level => level.id === levelId);
}

/** The level's title, "No level" for none; an unknown id is shown as is. */
export function levelTitle(
  rubric: ScorecardRubricView,
  levelId: string | null,
): string {
  if (levelId === null || levelId === NO_LEVEL) {
    return 'No level';
  }
  return rubric.levels.find(level => level.id === levelId)?.title ?? levelId;
}

/** One band of a level distribution, lowest first. */
export interface LevelBand {
  /** Level id, or {@link NO_LEVEL}. */
  key: string;
  title: string;
  color: string;
  count: number;
}

/**
 * A distribution as bands in rubric order, "no level" first, so charts and
 * chips stack the same way everywhere. Ids the rubric does not know (a
 * level removed since) come last rather than vanish.
 */
export function levelBands(
  rubric: ScorecardRubricView,
  distribution: LevelDistribution,
): LevelBand[] {
  const known = [NO_LEVEL, ...rubric.levels.map(level => level.id)];
  const unknown = Object.keys(distribution).filter(key => !known.includes(key));
  return [...known, ...unknown].map(key => ({
    key,
    title: levelTitle(rubric, key),
    color: levelColor(key === NO_LEVEL ? null : levelIndex(rubric, key)),
    count: distribution[key] ?? 0,
  }));
}
