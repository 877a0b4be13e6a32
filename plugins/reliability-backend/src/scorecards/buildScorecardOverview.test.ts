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

  it('ranks the teams that own entities, not a department above them', () => {
    const overview = buildScorecardOverview({
      rubric: testRubric,
      rows: fleet.map(stored => stored.row),
      checkStates: [],
      // Every team sits under a department that owns nothing itself.
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
    const ranked = overview.teams.map(team => team.groupRef);
    expect(ranked).not.toContain(department);
    expect(ranked.sort()).toEqual(Object.values(scorecardGroups).sort());
    // A team's figures still include its sub-teams' entities.
    const payments = overview.teams.find(
      team => team.groupRef === scorecardGroups.payments,
    )!;
    expect(payments.entities).toBe(
      fleet.filter(
        stored =>
          stored.row.ownerRef === scorecardGroups.payments ||
          stored.row.ownerRef === scorecardGroups.fraud,
      ).length,
    );
  });
});
