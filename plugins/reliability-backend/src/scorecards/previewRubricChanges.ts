import { InputError } from '@backstage/errors';
import { determineLevel } from './engine';
import {
  type CheckState,
  type RubricChange,
  type RubricLevel,
  type RubricPreviewMove,
  type RubricPreviewResponse,
  type ScorecardRubric,
  type TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import type { StoredCheckState } from './ScorecardStore';
import { countLevels } from './countLevels';

// Moves listed in a response; the counts cover every entity.
const MAX_MOVES = 500;

/**
 * Checks the changes of a `POST /scorecards/preview` body against the
 * rubric; the body's shape (at most 20 changes, each `op`, `checkId`,
 * `levelId`) was checked against openapi.yaml before.
 * Errors name the field, e.g. `changes[1].checkId: unknown check "slo-foo"`.
 */
export function checkRubricChanges(
  changes: RubricChange[],
  rubric: ScorecardRubric,
): RubricChange[] {
  const checkIds = new Set(rubric.checks.map(c => c.id));
  const levels = new Map(rubric.levels.map(l => [l.id, l]));
  const problems: string[] = [];
  changes.forEach((change, i) => {
    if (!checkIds.has(change.checkId)) {
      problems.push(`changes[${i}].checkId: unknown check "${change.checkId}"`);
    }
    if (!levels.has(change.levelId)) {
      problems.push(`changes[${i}].levelId: unknown level "${change.levelId}"`);
    }
  });
  if (problems.length > 0) {
    throw new InputError(`Invalid preview request: ${problems.join('; ')}`);
  }
  return changes;
}

/**
 * The levels after the changes, in order: an added check joins its level and
 * leaves any other (a check is required from one level); a removed check
 * leaves its level.
 */
export function applyRubricChanges(
  levels: RubricLevel[],
  changes: RubricChange[],
): RubricLevel[] {
  let result = levels.map(level => ({ ...level, checks: [...level.checks] }));
  for (const change of changes) {
    result = result.map(level => {
      if (change.op === 'remove' && level.id !== change.levelId) {
        return level;
      }
      const checks = level.checks.filter(id => id !== change.checkId);
      if (change.op === 'add' && level.id === change.levelId) {
        checks.push(change.checkId);
      }
      return { ...level, checks };
    });
  }
  return result;
}

function describeChanges(
  changes: RubricChange[],
  rubric: ScorecardRubric,
): string {
  const title = (checkId: string) =>
    rubric.checks.find(c => c.id === checkId)?.title ?? checkId;
  const level = (levelId: string) =>
    rubric.levels.find(l => l.id === levelId)?.title ?? levelId;
  const phrases = changes.map(change => {
    const verb = change.op === 'add' ? 'adding' : 'removing';
    const preposition = change.op === 'add' ? 'to' : 'from';
    return `${verb} “${title(change.checkId)}” ${preposition} ${level(
      change.levelId,
    )}`;
  });
  const sentence =
    phrases.length <= 1
      ? phrases.join('')
      : `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/**
 * What a rubric change would do to the stored fleet: every entity's level is
 * recomputed from its stored check states under the current levels and under
 * the changed levels (no check is re-run), and the two are compared.
 */
export function previewRubricChanges(options: {
  rubric: ScorecardRubric;
  changes: RubricChange[];
  rows: TeamScorecardRow[];
  checkStates: StoredCheckState[];
  now: Date;
}): RubricPreviewResponse {
  const { rubric, changes, rows } = options;
  const changed = applyRubricChanges(rubric.levels, changes);
  const levelIds = rubric.levels.map(l => l.id);

  const resultsOf = new Map<
    string,
    Array<{ checkId: string; state: CheckState; passing: boolean }>
  >();
  for (const s of options.checkStates) {
    const list = resultsOf.get(s.entityRef) ?? [];
    list.push({
      checkId: s.checkId,
      state: s.state as CheckState,
      passing: s.passing,
    });
    resultsOf.set(s.entityRef, list);
  }

  const before: Array<string | null> = [];
  const after: Array<string | null> = [];
  const dropped: RubricPreviewMove[] = [];
  const raised: RubricPreviewMove[] = [];
  for (const row of rows) {
    const results = resultsOf.get(row.entityRef) ?? [];
    const from = determineLevel(rubric.levels, results).level;
    const to = determineLevel(changed, results).level;
    before.push(from?.id ?? null);
    after.push(to?.id ?? null);
    const fromIndex = from?.index ?? -1;
    const toIndex = to?.index ?? -1;
    if (fromIndex !== toIndex) {
      const move = {
        entityRef: row.entityRef,
        ownerRef: row.ownerRef,
        from: from?.id ?? null,
        to: to?.id ?? null,
      };
      (toIndex < fromIndex ? dropped : raised).push(move);
    }
  }

  // A single addition can only push entities below the level it adds to.
  const below =
    changes.length === 1 && changes[0].op === 'add'
      ? ` below ${
          rubric.levels.find(l => l.id === changes[0].levelId)?.title ??
          changes[0].levelId
        }`
      : ' a level or more';
  const risen =
    raised.length === 0
      ? 'none rises'
      : `${raised.length} ${
          raised.length === 1 ? 'entity rises' : 'entities rise'
        } a level or more`;
  const summary = `${describeChanges(changes, rubric)} drops ${
    dropped.length
  } of ${rows.length} ${
    rows.length === 1 ? 'entity' : 'entities'
  }${below}; ${risen}.`;

  return {
    changes,
    before: countLevels(before, levelIds),
    after: countLevels(after, levelIds),
    droppedCount: dropped.length,
    raisedCount: raised.length,
    moves: [...dropped, ...raised].slice(0, MAX_MOVES),
    summary,
    generatedAt: options.now.toISOString(),
  };
}
