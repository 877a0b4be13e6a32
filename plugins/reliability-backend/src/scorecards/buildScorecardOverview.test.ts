import {
  scorecardAncestry,
  scorecardFleet,
  scorecardGroups,
  testRubric,
} from '../__testUtils__/scorecardFixtures';
import { buildScorecardOverview } from './buildScorecardOverview';

describe('buildScorecardOverview', () => {
  const department = 'group:default/engineering';
  const fleet = scorecardFleet();
  // team-fraud sits under team-payments, which owns services itself; every
  // team sits under a department that owns nothing itself.
  const overview = buildScorecardOverview({
    rubric: testRubric,
    rows: fleet.map(stored => stored.row),
    checkStates: [],
    ancestry: [
      ...scorecardAncestry,
      ...Object.values(scorecardGroups).map(groupRef => ({
        groupRef,
        ancestorRef: department,
      })),
      { groupRef: department, ancestorRef: department },
    ],
    trend: [],
    lastEvaluatedAt: null,
    now: new Date('2026-11-22T12:00:00Z'),
  });
  const owned = (groupRef: string) =>
    fleet.filter(stored => stored.row.ownerRef === groupRef).length;

  it('ranks the teams that own entities, each entity counted once', () => {
    const ranked = overview.teams.map(team => team.groupRef);
    expect(ranked).not.toContain(department);
    expect(ranked.sort()).toEqual(Object.values(scorecardGroups).sort());
    // A parent team counts only its own services, not its sub-team's.
    const payments = overview.teams.find(
      team => team.groupRef === scorecardGroups.payments,
    )!;
    expect(payments).toMatchObject({
      entities: owned(scorecardGroups.payments),
      includesSubTeams: false,
    });
    // The teams add up to the fleet, not more.
    expect(overview.teams.reduce((sum, team) => sum + team.entities, 0)).toBe(
      overview.totalEntities,
    );
  });

  it('shows departments separately, with everything beneath them', () => {
    const departments = Object.fromEntries(
      overview.departments.map(d => [d.groupRef, d]),
    );
    expect(Object.keys(departments).sort()).toEqual(
      [department, scorecardGroups.payments].sort(),
    );
    expect(departments[department]).toMatchObject({
      entities: fleet.length,
      includesSubTeams: true,
    });
    expect(departments[scorecardGroups.payments].entities).toBe(
      owned(scorecardGroups.payments) + owned(scorecardGroups.fraud),
    );
  });
});

describe('the teams a failing check names', () => {
  const state = (entityRef: string, ownerRef: string, s: string) => ({
    entityRef,
    ownerRef,
    checkId: 'runbook-linked',
    state: s,
    passing: s === 'pass',
    exempt: false,
  });
  const { failingChecks } = buildScorecardOverview({
    rubric: testRubric,
    rows: [],
    checkStates: [
      state('component:default/a', scorecardGroups.search, 'fail'),
      state('component:default/b', 'user:default/dana', 'fail'),
      state('component:default/c', scorecardGroups.fraud, 'error'),
      state('component:default/d', scorecardGroups.fraud, 'fail'),
      state('component:default/e', scorecardGroups.payments, 'pass'),
    ],
    ancestry: scorecardAncestry,
    trend: [],
    lastEvaluatedAt: null,
    now: new Date('2026-11-22T12:00:00Z'),
  });

  it('counts people-owned entities for the fleet but lists only teams', () => {
    expect(failingChecks).toHaveLength(1);
    expect(failingChecks[0]).toMatchObject({
      failing: 3,
      errors: 1,
      applicable: 5,
      teams: [
        { groupRef: scorecardGroups.fraud, failing: 1, errors: 1 },
        { groupRef: scorecardGroups.search, failing: 1, errors: 0 },
      ],
    });
  });
});
