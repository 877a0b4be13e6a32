import type { ScorecardCheckResult } from '@preflight/plugin-reliability-common';

/*
 * Each scorecard's check states, kept in its `scorecard_results` row rather
 * than one row per check: a first evaluation of 10,000 entities otherwise
 * inserts (and indexes) 250,000 rows, the largest single cost of the run, and
 * every reader (overview ranking, rubric preview, CSV export, change
 * detection) reads them per entity anyway.
 *
 * `check_states` holds a JSON array of `[checkId, state, passing, exempt]`
 * (the flags as 1 or 0), in the scorecard's check order.
 * `failing_check_ids` holds `|id|id|` — the checks failing or in error and
 * not exempt, what the team view's check filter selects — so that filter is
 * a substring match on one column (check ids cannot contain `|`).
 */

/** One check's state as stored for an entity. */
export interface CheckStateOfEntity {
  checkId: string;
  /** The raw check state (`pass`, `fail`, `warning`, `not-applicable`, `error`). */
  state: string;
  /** Counts as passing (pass, warning, unexpired exemption). */
  passing: boolean;
  /** Under an unexpired exemption. */
  exempt: boolean;
}

type StoredCheckStateTuple = [
  checkId: string,
  state: string,
  passing: 0 | 1,
  exempt: 0 | 1,
];

/** The states of a scorecard's checks. */
export function checkStatesOf(
  checks: ScorecardCheckResult[],
): CheckStateOfEntity[] {
  return checks.map(check => ({
    checkId: check.checkId,
    state: check.state,
    passing: check.passing,
    exempt: !!check.exemption && !check.exemption.expired,
  }));
}

/** The `check_states` column of these states. */
export function encodeCheckStates(states: CheckStateOfEntity[]): string {
  return JSON.stringify(
    states.map(
      (s): StoredCheckStateTuple => [
        s.checkId,
        s.state,
        s.passing ? 1 : 0,
        s.exempt ? 1 : 0,
      ],
    ),
  );
}

/** The states a `check_states` column holds (none when it is empty). */
export function decodeCheckStates(
  column: string | null | undefined,
): CheckStateOfEntity[] {
  if (!column) {
    return [];
  }
  return (JSON.parse(column) as StoredCheckStateTuple[]).map(
    ([checkId, state, passing, exempt]) => ({
      checkId,
      state,
      passing: passing === 1,
      exempt: exempt === 1,
    }),
  );
}

/**
 * Failing or in error and not exempt: what the overview counts as the check
 * failing, so its figures and the team view's check filter agree.
 */
export function isFailingCheck(s: CheckStateOfEntity): boolean {
  return !s.passing && !s.exempt && (s.state === 'fail' || s.state === 'error');
}

/** The `failing_check_ids` column of these states. */
export function failingCheckIdsColumn(states: CheckStateOfEntity[]): string {
  const ids = states.filter(isFailingCheck).map(s => s.checkId);
  return ids.length === 0 ? '' : `|${ids.join('|')}|`;
}

/** What `failing_check_ids` contains when `checkId` is failing. */
export function failingCheckIdNeedle(checkId: string): string {
  return `|${checkId}|`;
}

/**
 * A signature of the states, equal for two lists with the same states in any
 * order: a change of any check's state makes a history point.
 */
export function checkStatesSignature(states: CheckStateOfEntity[]): string {
  return states
    .map(s => `${s.checkId}\u0000${s.state}\u0000${s.passing}\u0000${s.exempt}`)
    .sort()
    .join('\u0001');
}
