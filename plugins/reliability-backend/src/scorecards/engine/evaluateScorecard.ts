import { computedOncePer } from '../../lib/computedOncePer';
import { checkApplies, paramsForTier } from './checkApplies';
import { determineLevel } from './determineLevel';
import { isExemptionActive } from './parseScorecardExemptions';
import type {
  AppliedExemption,
  CheckState,
  EntityScorecard,
  FactFreshness,
  RubricCheck,
  ScorecardCheckResult,
  ScorecardCounts,
  ScorecardExemption,
  ScorecardRubric,
} from '@preflight/plugin-reliability-common';
import type {
  CheckOutcome,
  EntityReadinessFacts,
  ScorecardCheck,
} from '@preflight/plugin-reliability-node';

// Per rubric (a rubric never changes once resolved): which level each check
// belongs to, built once rather than for each of thousands of entities.
const levelsOfChecks = computedOncePer((rubric: ScorecardRubric) => {
  const levelOf = new Map<string, string>();
  for (const level of rubric.levels) {
    for (const checkId of level.checks) {
      levelOf.set(checkId, level.id);
    }
  }
  return levelOf;
});

// A check's scope text, per rubric check (immutable once resolved).
const describeScope = computedOncePer((check: RubricCheck) => scopeText(check));

/** Input of {@link evaluateScorecard}. */
export interface EvaluateScorecardOptions {
  facts: EntityReadinessFacts;
  rubric: ScorecardRubric;
  /** Check implementations by id. */
  implementations: ReadonlyMap<string, ScorecardCheck>;
  now: Date;
}

const CHECK_STATES: CheckState[] = [
  'pass',
  'fail',
  'warning',
  'not-applicable',
  'error',
];

function isCheckOutcome(value: unknown): value is CheckOutcome {
  const candidate = value as Partial<CheckOutcome> | null | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    CHECK_STATES.includes(candidate.state as CheckState) &&
    typeof candidate.message === 'string' &&
    Array.isArray(candidate.facts)
  );
}

/**
 * The exemption that decides a check: with several declared for the same
 * check, the one lasting longest, so an old expired entry left in the file
 * does not hide its renewal.
 */
function exemptionFor(
  checkId: string,
  exemptions: ScorecardExemption[],
  now: Date,
): AppliedExemption | undefined {
  let declared: ScorecardExemption | undefined;
  for (const exemption of exemptions) {
    if (
      exemption.checkId === checkId &&
      (!declared || exemption.expires > declared.expires)
    ) {
      declared = exemption;
    }
  }
  return declared
    ? { ...declared, expired: !isExemptionActive(declared, now) }
    : undefined;
}

/** Every source the facts came from, once each. */
function collectSources(facts: EntityReadinessFacts): FactFreshness[] {
  const all = [
    facts.onCall.freshness,
    ...facts.alertRules.freshness,
    ...facts.slos.freshness,
  ].filter((source): source is FactFreshness => source !== null);
  const byId = new Map(all.map(source => [source.sourceId, source]));
  return [...byId.values()].sort((a, b) =>
    a.sourceId.localeCompare(b.sourceId),
  );
}

/** A check's result, or an `error` outcome saying why there is none. */
function validOutcome(check: RubricCheck, result: unknown): CheckOutcome {
  if (!isCheckOutcome(result)) {
    // A custom check returning garbage must not pass or break the scorecard.
    return {
      state: 'error',
      message: `Check "${
        check.id
      }" returned no valid result (state must be one of ${CHECK_STATES.join(
        ', ',
      )})`,
      facts: [],
    };
  }
  return result;
}

/** One broken (custom) check must not take the scorecard down with it. */
function failedOutcome(check: RubricCheck, error: unknown): CheckOutcome {
  return {
    state: 'error',
    message: `Check "${check.id}" failed to run: ${
      error instanceof Error ? error.message : String(error)
    }`,
    facts: [],
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * Runs a check. The outcome of a synchronous check (most built-in checks)
 * is returned as it is, not as a promise: a first evaluation runs 250,000
 * checks, and a promise and an await each add up.
 */
function runCheck(
  check: RubricCheck,
  implementation: ScorecardCheck | undefined,
  facts: EntityReadinessFacts,
  now: Date,
): CheckOutcome | Promise<CheckOutcome> {
  if (!implementation) {
    return {
      state: 'error',
      message: `No check implementation "${check.implementation}" is installed`,
      facts: [],
    };
  }
  let result: unknown;
  try {
    result = implementation.evaluate({
      facts,
      params: paramsForTier(check, facts.tier),
      now,
    });
  } catch (error) {
    return failedOutcome(check, error);
  }
  if (isPromiseLike(result)) {
    return Promise.resolve(result).then(
      value => validOutcome(check, value),
      error => failedOutcome(check, error),
    );
  }
  return validOutcome(check, result);
}

/**
 * Counts results by state; failing results saved by an active exemption are
 * counted as exempt instead.
 */
export function countScorecardResults(
  results: ScorecardCheckResult[],
): ScorecardCounts {
  const counts: ScorecardCounts = {
    pass: 0,
    fail: 0,
    warning: 0,
    notApplicable: 0,
    error: 0,
    exempt: 0,
  };
  for (const result of results) {
    const exempted =
      result.exemption !== undefined &&
      !result.exemption.expired &&
      (result.state === 'fail' || result.state === 'error');
    if (exempted) {
      counts.exempt += 1;
    } else if (result.state === 'not-applicable') {
      counts.notApplicable += 1;
    } else {
      counts[result.state] += 1;
    }
  }
  return counts;
}

/**
 * Percentage (integer) of the checks that concern the entity and count as
 * passing; not-applicable checks are left out. 100 when none concern it.
 */
export function computeScorecardScore(
  results: Array<Pick<ScorecardCheckResult, 'state' | 'passing'>>,
): number {
  const applicable = results.filter(
    result => result.state !== 'not-applicable',
  );
  if (applicable.length === 0) {
    return 100;
  }
  const passing = applicable.filter(result => result.passing).length;
  return Math.round((100 * passing) / applicable.length);
}

/**
 * Runs every check of the rubric against one entity's facts and works out
 * its level, score and what the next level needs. Checks that do not apply
 * to the entity stay in the result as `not-applicable`, so nothing silently
 * disappears; a check that throws becomes an `error` naming it. Exemptions
 * make a check count as passing through their expiry day, and are kept
 * (flagged expired) afterwards. Returns null when no check applies at all:
 * the entity is not in the scorecard's scope.
 */
export async function evaluateScorecard(
  options: EvaluateScorecardOptions,
): Promise<EntityScorecard | null> {
  const { facts, rubric, implementations, now } = options;
  const levelOf = levelsOfChecks(rubric);
  const applicable = rubric.checks.filter(check =>
    checkApplies(check, facts.entity, facts.tier),
  );
  if (applicable.length === 0) {
    return null;
  }

  const results: ScorecardCheckResult[] = [];
  const blockers = new Map<ScorecardCheckResult, string>();
  for (const check of rubric.checks) {
    let outcome: CheckOutcome;
    if (applicable.includes(check)) {
      const run = runCheck(
        check,
        implementations.get(check.implementation),
        facts,
        now,
      );
      outcome = isPromiseLike(run) ? await run : run;
    } else {
      outcome = {
        state: 'not-applicable',
        message: `Does not apply to this entity (${describeScope(check)})`,
        facts: [],
      };
    }
    const exemption = exemptionFor(check.id, facts.exemptions, now);
    const passing =
      outcome.state === 'pass' ||
      outcome.state === 'warning' ||
      (outcome.state !== 'not-applicable' &&
        exemption !== undefined &&
        !exemption.expired);
    const result: ScorecardCheckResult = {
      checkId: check.id,
      title: check.title,
      category: check.category,
      description: check.description,
      fix: check.fix,
      levelId: levelOf.get(check.id) ?? null,
      state: outcome.state,
      message: outcome.message,
      facts: outcome.facts,
      ...(exemption ? { exemption } : {}),
      passing,
    };
    results.push(result);
    if (outcome.blockedBy && check.implementation !== outcome.blockedBy) {
      blockers.set(result, outcome.blockedBy);
    }
  }
  linkBlockedResults(rubric, results, blockers);

  const { level, nextLevel } = determineLevel(rubric.levels, results);
  return {
    entityRef: facts.entityRef,
    level,
    score: computeScorecardScore(results),
    counts: countScorecardResults(results),
    nextLevel,
    checks: results,
    evaluatedAt: now.toISOString(),
    sources: collectSources(facts),
    rubricVersion: rubric.version,
  };
}

/**
 * Points each result that cannot be judged at the failing prerequisite
 * that keeps it from being judged, so one broken PagerDuty link reads as
 * one root cause rather than eight failures. Only a prerequisite present
 * in this scorecard and failing counts; otherwise the result stands alone.
 */
function linkBlockedResults(
  rubric: ScorecardRubric,
  results: ScorecardCheckResult[],
  blockers: Map<ScorecardCheckResult, string>,
) {
  for (const [result, implementation] of blockers) {
    const prerequisite = rubric.checks.find(
      check => check.implementation === implementation,
    );
    const prerequisiteResult = prerequisite
      ? results.find(candidate => candidate.checkId === prerequisite.id)
      : undefined;
    if (
      prerequisiteResult &&
      prerequisiteResult.state === 'fail' &&
      !prerequisiteResult.passing
    ) {
      result.blockedBy = prerequisiteResult.checkId;
    }
  }
}

function scopeText(check: RubricCheck): string {
  const parts = [
    check.appliesTo.kinds && `kinds ${check.appliesTo.kinds.join(', ')}`,
    check.appliesTo.types && `types ${check.appliesTo.types.join(', ')}`,
    check.appliesTo.lifecycles &&
      `lifecycles ${check.appliesTo.lifecycles.join(', ')}`,
    check.appliesTo.tiers && `tiers ${check.appliesTo.tiers.join(', ')}`,
  ].filter(Boolean);
  return `it applies to ${parts.join('; ')}`;
}
