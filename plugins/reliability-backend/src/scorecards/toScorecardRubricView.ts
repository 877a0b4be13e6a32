import type {
  ScorecardRubric,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';

/**
 * The rubric as the UI lists it: levels lowest first with the checks each
 * adds, and every check with the level requiring it (null: informational).
 */
export function toScorecardRubricView(
  rubric: ScorecardRubric,
): ScorecardRubricView {
  const levelOf = new Map<string, string>();
  for (const level of rubric.levels) {
    for (const checkId of level.checks) {
      // A check listed by two levels is required from the lower one.
      if (!levelOf.has(checkId)) {
        levelOf.set(checkId, level.id);
      }
    }
  }
  return {
    levels: rubric.levels.map(level => ({
      id: level.id,
      title: level.title,
      checkIds: [...level.checks],
    })),
    checks: rubric.checks.map(check => ({
      id: check.id,
      title: check.title,
      category: check.category,
      description: check.description,
      levelId: levelOf.get(check.id) ?? null,
    })),
    version: rubric.version,
  };
}
