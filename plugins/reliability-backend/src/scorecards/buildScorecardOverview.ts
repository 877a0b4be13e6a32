import type {
  FailingCheckView,
  LevelTrendPoint,
  ScorecardOverviewResponse,
  ScorecardRubric,
  ScorecardRubricView,
  TeamScorecardRow,
  TeamStanding,
} from '@preflight/plugin-reliability-common';
import type { GroupAncestry, StoredCheckState } from './ScorecardStore';
import { countLevels, withEveryLevel } from './countLevels';
import { toScorecardRubricView } from './toScorecardRubricView';

/** What the organization overview is computed from, all read from the store. @public */
export interface ScorecardOverviewInput {
  rubric: ScorecardRubric;
  rows: TeamScorecardRow[];
  checkStates: StoredCheckState[];
  ancestry: GroupAncestry[];
  trend: LevelTrendPoint[];
  lastEvaluatedAt: string | null;
  now: Date;
}

/**
 * The groups an owner counts for: the owner and each of its ancestors. An
 * owning group missing from the stored hierarchy still counts for itself;
 * users are not teams.
 */
function teamsOf(ownerRef: string, ancestors: Map<string, string[]>): string[] {
  const known = ancestors.get(ownerRef);
  if (known) {
    return known;
  }
  return ownerRef.startsWith('group:') ? [ownerRef] : [];
}

function rankTeams(
  rows: TeamScorecardRow[],
  ancestry: GroupAncestry[],
  levelIds: string[],
): TeamStanding[] {
  const ancestors = new Map<string, string[]>();
  for (const { groupRef, ancestorRef } of ancestry) {
    const list = ancestors.get(groupRef) ?? [];
    list.push(ancestorRef);
    ancestors.set(groupRef, list);
  }
  const teams = new Map<string, TeamScorecardRow[]>();
  for (const row of rows) {
    for (const team of teamsOf(row.ownerRef, ancestors)) {
      const list = teams.get(team) ?? [];
      list.push(row);
      teams.set(team, list);
    }
  }
  // A department that owns nothing itself is an aggregate, not a team to
  // rank against its own teams; its teams are ranked instead.
  const directOwners = new Set(rows.map(row => row.ownerRef));
  const standings = [...teams]
    .filter(([groupRef]) => directOwners.has(groupRef))
    .map(([groupRef, owned]) => ({
      groupRef,
      entities: owned.length,
      averageScore:
        Math.round(
          (owned.reduce((sum, r) => sum + r.score, 0) / owned.length) * 10,
        ) / 10,
      distribution: countLevels(
        owned.map(r => r.levelId),
        levelIds,
      ),
    }));
  standings.sort(
    (a, b) =>
      b.averageScore - a.averageScore ||
      b.entities - a.entities ||
      (a.groupRef < b.groupRef ? -1 : 1),
  );
  return standings.map((standing, i) => ({ ...standing, rank: i + 1 }));
}

function rankFailingChecks(
  rubric: ScorecardRubricView,
  states: StoredCheckState[],
): FailingCheckView[] {
  const checks = new Map(rubric.checks.map(c => [c.id, c]));
  const tally = new Map<
    string,
    { failing: number; errors: number; applicable: number }
  >();
  for (const s of states) {
    if (s.state === 'not-applicable') {
      continue;
    }
    const t = tally.get(s.checkId) ?? { failing: 0, errors: 0, applicable: 0 };
    t.applicable++;
    // An exempt check is accepted as it is: it is not what needs fixing.
    if (!s.exempt && !s.passing) {
      if (s.state === 'error') {
        t.errors++;
      } else if (s.state === 'fail') {
        t.failing++;
      }
    }
    tally.set(s.checkId, t);
  }
  return [...tally]
    .filter(([, t]) => t.failing + t.errors > 0)
    .map(([checkId, t]) => {
      const check = checks.get(checkId);
      return {
        checkId,
        // A check dropped from the rubric since the last evaluation keeps its id.
        title: check?.title ?? checkId,
        category: check?.category ?? 'unknown',
        levelId: check?.levelId ?? null,
        ...t,
      };
    })
    .sort(
      (a, b) =>
        b.failing + b.errors - (a.failing + a.errors) ||
        b.failing - a.failing ||
        (a.checkId < b.checkId ? -1 : 1),
    );
}

/**
 * The organization overview: every team (a group owning entities
 * directly; its figures include its sub-groups' entities) ranked by average
 * score (ties: more entities first,
 * then by ref), the fleet's level distribution and trend, and the checks
 * failing most (fails and errors; exempt results excluded; `applicable`
 * counts every result that is not `not-applicable`).
 * @public
 */
export function buildScorecardOverview(
  input: ScorecardOverviewInput,
): ScorecardOverviewResponse {
  const { rubric, rows } = input;
  const levelIds = rubric.levels.map(l => l.id);
  const view = toScorecardRubricView(rubric);
  return {
    rubric: view,
    totalEntities: rows.length,
    distribution: countLevels(
      rows.map(r => r.levelId),
      levelIds,
    ),
    teams: rankTeams(rows, input.ancestry, levelIds),
    failingChecks: rankFailingChecks(view, input.checkStates),
    trend: withEveryLevel(input.trend, levelIds),
    lastEvaluatedAt: input.lastEvaluatedAt,
    generatedAt: input.now.toISOString(),
  };
}
