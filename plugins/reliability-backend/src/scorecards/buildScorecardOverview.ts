import type {
  FailingCheckTeam,
  FailingCheckView,
  LevelTrendPoint,
  ScorecardOverviewResponse,
  ScorecardRubric,
  ScorecardRubricView,
  TeamScorecardRow,
  TeamStanding,
} from '@preflight/plugin-reliability-common';
import type { GroupAncestry, StoredCheckState } from './ScorecardStore';
import { isFailingCheck } from './storedCheckStates';
import { countLevels, withEveryLevel } from './countLevels';
import { toScorecardRubricView } from './toScorecardRubricView';

/** What the organization overview is computed from, all read from the store. */
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

function standing(
  groupRef: string,
  owned: TeamScorecardRow[],
  levelIds: string[],
  includesSubTeams: boolean,
): Omit<TeamStanding, 'rank'> {
  return {
    groupRef,
    entities: owned.length,
    includesSubTeams,
    averageScore:
      Math.round(
        (owned.reduce((sum, r) => sum + r.score, 0) / owned.length) * 10,
      ) / 10,
    distribution: countLevels(
      owned.map(r => r.levelId),
      levelIds,
    ),
  };
}

function ranked(standings: Array<Omit<TeamStanding, 'rank'>>): TeamStanding[] {
  standings.sort(
    (a, b) =>
      b.averageScore - a.averageScore ||
      b.entities - a.entities ||
      (a.groupRef < b.groupRef ? -1 : 1),
  );
  return standings.map((s, i) => ({ ...s, rank: i + 1 }));
}

/**
 * Teams are the groups that own entities directly, each counting only what
 * it owns itself, so every entity counts once and a parent team does not
 * count its sub-team's services a second time. Departments are the groups
 * with sub-teams owning entities, each counting everything beneath it; they
 * are a separate roll-up, not ranked against their own teams.
 */
function rankTeamsAndDepartments(
  rows: TeamScorecardRow[],
  ancestry: GroupAncestry[],
  levelIds: string[],
): { teams: TeamStanding[]; departments: TeamStanding[] } {
  const ancestors = new Map<string, string[]>();
  for (const { groupRef, ancestorRef } of ancestry) {
    const list = ancestors.get(groupRef) ?? [];
    list.push(ancestorRef);
    ancestors.set(groupRef, list);
  }
  const direct = new Map<string, TeamScorecardRow[]>();
  const beneath = new Map<string, TeamScorecardRow[]>();
  for (const row of rows) {
    if (!row.ownerRef.startsWith('group:')) {
      continue; // users are not teams
    }
    direct.set(row.ownerRef, [...(direct.get(row.ownerRef) ?? []), row]);
    for (const group of teamsOf(row.ownerRef, ancestors)) {
      if (group !== row.ownerRef) {
        beneath.set(group, [...(beneath.get(group) ?? []), row]);
      }
    }
  }
  const teams = ranked(
    [...direct].map(([groupRef, owned]) =>
      standing(groupRef, owned, levelIds, false),
    ),
  );
  const departments = ranked(
    [...beneath].map(([groupRef, below]) =>
      standing(
        groupRef,
        [...(direct.get(groupRef) ?? []), ...below],
        levelIds,
        true,
      ),
    ),
  );
  return { teams, departments };
}

/** A check's failures on the entities one team owns directly. */
interface TeamTally {
  failing: number;
  errors: number;
}

/** A check's failures across the fleet, and per owning team. */
interface CheckTally extends TeamTally {
  applicable: number;
  teams: Map<string, TeamTally>;
}

/** The teams a check fails for, most failures first, then by ref. */
function failingTeams(teams: Map<string, TeamTally>): FailingCheckTeam[] {
  return [...teams]
    .map(([groupRef, t]) => ({ groupRef, ...t }))
    .sort(
      (a, b) =>
        b.failing + b.errors - (a.failing + a.errors) ||
        (a.groupRef < b.groupRef ? -1 : 1),
    );
}

function rankFailingChecks(
  rubric: ScorecardRubricView,
  states: StoredCheckState[],
): FailingCheckView[] {
  const checks = new Map(rubric.checks.map(c => [c.id, c]));
  const tally = new Map<string, CheckTally>();
  for (const s of states) {
    if (s.state === 'not-applicable') {
      continue;
    }
    const t = tally.get(s.checkId) ?? {
      failing: 0,
      errors: 0,
      applicable: 0,
      teams: new Map<string, TeamTally>(),
    };
    t.applicable++;
    tally.set(s.checkId, t);
    // An exempt check is accepted as it is: it is not what needs fixing.
    if (!isFailingCheck(s)) {
      continue;
    }
    const field = s.state === 'error' ? 'errors' : 'failing';
    t[field]++;
    // Users are not teams: their entities count for the fleet only.
    if (s.ownerRef.startsWith('group:')) {
      const team = t.teams.get(s.ownerRef) ?? { failing: 0, errors: 0 };
      team[field]++;
      t.teams.set(s.ownerRef, team);
    }
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
        failing: t.failing,
        errors: t.errors,
        applicable: t.applicable,
        teams: failingTeams(t.teams),
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
 * directly, counting what it owns itself) ranked by average score (ties:
 * more entities first, then by ref), every department (a group with
 * sub-teams, counting everything beneath it) likewise, the fleet's level
 * distribution and trend, and the checks failing most (fails and errors;
 * exempt results excluded; `applicable` counts every result that is not
 * `not-applicable`) with the teams they fail for.
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
    ...rankTeamsAndDepartments(rows, input.ancestry, levelIds),
    failingChecks: rankFailingChecks(view, input.checkStates),
    trend: withEveryLevel(input.trend, levelIds),
    lastEvaluatedAt: input.lastEvaluatedAt,
    generatedAt: input.now.toISOString(),
  };
}
