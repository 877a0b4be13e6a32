import type {
  CheckState,
  LevelRef,
  RubricLevel,
} from '@preflight/plugin-reliability-common';

/** The part of a check result that levels look at. */
export interface LevelInput {
  checkId: string;
  state: CheckState;
  passing: boolean;
}

/** The level reached and the next one with what blocks it. */
export interface LevelDetermination {
  level: LevelRef | null;
  nextLevel: (LevelRef & { blockingCheckIds: string[] }) | null;
}

/**
 * Finds the highest level whose checks, and those of every lower level, all
 * count as passing. Levels are cumulative, so an entity failing a bronze
 * check is below bronze even if it passes every gold check. A check that is
 * not applicable, or absent from `results` (e.g. a rubric change preview
 * adding a check nobody evaluated), never blocks.
 */
export function determineLevel(
  levels: RubricLevel[],
  results: LevelInput[],
): LevelDetermination {
  const byCheck = new Map(results.map(result => [result.checkId, result]));
  const blockers = (level: RubricLevel) =>
    level.checks.filter(checkId => {
      const result = byCheck.get(checkId);
      return (
        result !== undefined &&
        result.state !== 'not-applicable' &&
        !result.passing
      );
    });

  let reached: LevelRef | null = null;
  for (let index = 0; index < levels.length; index += 1) {
    const level = levels[index];
    const blocking = blockers(level);
    if (blocking.length > 0) {
      return {
        level: reached,
        nextLevel: {
          id: level.id,
          title: level.title,
          index,
          blockingCheckIds: blocking,
        },
      };
    }
    reached = { id: level.id, title: level.title, index };
  }
  return { level: reached, nextLevel: null };
}
