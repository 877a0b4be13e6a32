import type {
  CheckPresentation,
  EntityScorecard,
  ScorecardCheckResult,
} from '@preflight/plugin-reliability-common';

/**
 * What a check result shares with every other result of the same check
 * under the same rubric version: its presentation and level.
 */
export type CheckPresentationOfVersion = CheckPresentation & {
  levelId: string | null;
};

/** A check result without its presentation, as stored per entity. */
export type CompactCheckResult = Omit<
  ScorecardCheckResult,
  keyof CheckPresentationOfVersion
>;

/** A scorecard as stored per entity: the checks without presentation. */
export type CompactScorecard = Omit<EntityScorecard, 'checks'> & {
  checks: CompactCheckResult[];
};

/**
 * Splits a scorecard into what is particular to the entity and the check
 * presentations of its rubric version (stored once per version).
 */
export function splitScorecard(scorecard: EntityScorecard): {
  compact: CompactScorecard;
  presentations: Map<string, CheckPresentationOfVersion>;
} {
  const presentations = new Map<string, CheckPresentationOfVersion>();
  const checks = scorecard.checks.map(
    ({ title, category, description, fix, levelId, ...particular }) => {
      presentations.set(particular.checkId, {
        title,
        category,
        description,
        fix,
        levelId,
      });
      return particular;
    },
  );
  return { compact: { ...scorecard, checks }, presentations };
}

/**
 * The full scorecard again. A scorecard stored in full (before compact
 * storage) is returned as it is. A presentation that is missing (its
 * version pruned while the row was being read) reads as the bare check id
 * rather than failing the page.
 */
export function joinScorecard(
  stored: CompactScorecard | EntityScorecard,
  presentations: ReadonlyMap<string, CheckPresentationOfVersion> | undefined,
): EntityScorecard {
  const checks = stored.checks.map(check => {
    if ('title' in check) {
      return check as ScorecardCheckResult;
    }
    const presentation = presentations?.get(check.checkId) ?? {
      title: check.checkId,
      category: 'other',
      description: '',
      fix: { text: '' },
      levelId: null,
    };
    return { ...presentation, ...check } as ScorecardCheckResult;
  });
  return { ...stored, checks };
}

/** Whether a stored scorecard needs the presentations of its version. */
export function isCompact(stored: CompactScorecard | EntityScorecard): boolean {
  return stored.checks.some(check => !('title' in check));
}
