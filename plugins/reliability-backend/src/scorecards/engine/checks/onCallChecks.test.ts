import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import {
  escalationPolicyLevelsCheck,
  level1AlwaysCoveredCheck,
  pagerDutyServiceLinkedCheck,
  pagingTeamMatchesOwnerCheck,
  rotationHasMultiplePeopleCheck,
} from './onCallChecks';

const pagerDutyFact = {
  sourceId: 'pagerduty:default',
  asOf: '2026-11-23T11:55:00.000Z',
  stale: false,
};

describe('pagerduty-service-linked', () => {
  it('passes naming the PagerDuty service', async () => {
    const result = await runCheck(
      pagerDutyServiceLinkedCheck,
      buildReadinessFacts(),
    );
    expect(result).toEqual({
      state: 'pass',
      message: 'Linked to PagerDuty service Checkout API',
      facts: [
        { label: 'PagerDuty service', value: 'Checkout API', ...pagerDutyFact },
      ],
    });
  });
});

describe('escalation-policy-levels', () => {
  it('passes with two levels, naming the policy and both numbers', async () => {
    const result = await runCheck(
      escalationPolicyLevelsCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'Checkout escalation has 2 levels (at least 2 required)',
    );
    expect(result.facts).toContainEqual({
      label: 'Escalation levels',
      value: 2,
      ...pagerDutyFact,
    });
  });

  it('fails with a single level', async () => {
    const result = await runCheck(
      escalationPolicyLevelsCheck,
      buildReadinessFacts({ onCall: { escalationPolicy: { levelCount: 1 } } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Checkout escalation has 1 level; at least 2 are required',
    );
  });

  it('uses a configured minimum', async () => {
    const result = await runCheck(
      escalationPolicyLevelsCheck,
      buildReadinessFacts(),
      {
        params: { minLevels: 3 },
      },
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Checkout escalation has 2 levels; at least 3 are required',
    );
  });

  it('fails when the service has no escalation policy', async () => {
    const result = await runCheck(
      escalationPolicyLevelsCheck,
      buildReadinessFacts({ onCall: { escalationPolicy: undefined } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'The PagerDuty service has no escalation policy',
    );
  });
});

describe('level1-always-covered', () => {
  it('passes without gaps', async () => {
    const result = await runCheck(
      level1AlwaysCoveredCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.facts).toEqual([
      { label: 'Gaps in the next 7 days', value: 0, ...pagerDutyFact },
    ]);
  });

  it('fails with gaps, saying how long and when the first one is', async () => {
    const result = await runCheck(
      level1AlwaysCoveredCheck,
      buildReadinessFacts({
        onCall: {
          escalationPolicy: {
            level1Gaps: [
              {
                start: '2026-11-28T00:00:00.000Z',
                end: '2026-11-28T08:00:00.000Z',
              },
              {
                start: '2026-11-29T00:00:00.000Z',
                end: '2026-11-29T00:30:00.000Z',
              },
            ],
          },
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Nobody holds level 1 for 8h 30m over the next 7 days, first from Sat, Nov 28, 00:00 UTC to Sat, Nov 28, 08:00 UTC',
    );
    expect(result.facts).toEqual([
      { label: 'Gaps in the next 7 days', value: 2, ...pagerDutyFact },
      { label: 'Uncovered time', value: '8h 30m', ...pagerDutyFact },
      {
        label: 'First gap starts',
        value: 'Sat, Nov 28, 00:00 UTC',
        ...pagerDutyFact,
      },
    ]);
  });

  it('fails when there is no escalation policy', async () => {
    const result = await runCheck(
      level1AlwaysCoveredCheck,
      buildReadinessFacts({ onCall: { escalationPolicy: undefined } }),
    );
    expect(result.state).toBe('fail');
    expect(result.facts).toEqual([
      { label: 'Escalation policy', value: null, ...pagerDutyFact },
    ]);
  });
});

describe('rotation-has-multiple-people', () => {
  it('passes with three people, naming them', async () => {
    const result = await runCheck(
      rotationHasMultiplePeopleCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      '3 people share level 1 (Alice Adams, Bob Brown, Carol Chen)',
    );
  });

  it('fails when one person holds level 1', async () => {
    const result = await runCheck(
      rotationHasMultiplePeopleCheck,
      buildReadinessFacts({
        onCall: {
          escalationPolicy: {
            level1People: [
              { id: 'PUSER1', name: 'Alice Adams', email: 'alice@example.com' },
            ],
          },
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'Level 1 is held by Alice Adams over the next 7 days; at least 2 people should rotate',
    );
    expect(result.facts).toContainEqual({
      label: 'Level-1 people in the next 7 days',
      value: 1,
      ...pagerDutyFact,
    });
  });

  it('fails when nobody holds level 1', async () => {
    const result = await runCheck(
      rotationHasMultiplePeopleCheck,
      buildReadinessFacts({ onCall: { escalationPolicy: undefined } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('held by nobody');
  });

  it('uses a configured minimum', async () => {
    const result = await runCheck(
      rotationHasMultiplePeopleCheck,
      buildReadinessFacts(),
      {
        params: { minPeople: 4 },
      },
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('at least 4 people');
  });
});

describe('paging-team-matches-owner', () => {
  it('passes when the group names its PagerDuty team id', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts(),
    );
    expect(result.state).toBe('pass');
    expect(result.message).toBe(
      'PagerDuty pages Team Payments, the owner group:default/team-payments',
    );
    expect(result.facts).toEqual([
      {
        label: 'PagerDuty teams of the service',
        value: 'Team Payments',
        ...pagerDutyFact,
      },
    ]);
  });

  it('fails when the team id of the group is not a team of the service', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({
        onCall: {
          service: { teams: [{ id: 'PTEAM02', name: 'Team Search' }] },
        },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toBe(
      'The PagerDuty service belongs to Team Search, not the owner group:default/team-payments (matched by team id PTEAM01 (pagerduty.com/team-id of group:default/team-payments))',
    );
  });

  it('matches on the group name, case-insensitively, without a team id', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({
        owner: { annotations: { 'pagerduty.com/team-id': undefined } },
        onCall: {
          service: { teams: [{ id: 'PTEAM01', name: 'Team-Payments' }] },
        },
      }),
    );
    expect(result.state).toBe('pass');
  });

  it('fails on a name mismatch without a team id', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({
        owner: { annotations: { 'pagerduty.com/team-id': undefined } },
      }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('matched by team name "team-payments"');
  });

  it('fails when the service has no team', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({ onCall: { service: { teams: [] } } }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('belongs to no team');
  });

  it('fails without an owner in the catalog', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({ owner: null }),
    );
    expect(result.state).toBe('fail');
    expect(result.message).toContain('no owner in the catalog');
  });

  it('warns when level 1 includes people outside the owning group', async () => {
    const result = await runCheck(
      pagingTeamMatchesOwnerCheck,
      buildReadinessFacts({
        onCall: {
          escalationPolicy: {
            level1People: [
              { id: 'PUSER1', name: 'Alice Adams', email: 'ALICE@example.com' },
              { id: 'PUSER9', name: 'Zed Zimmer', email: 'zed@example.com' },
              { id: 'PUSER8', name: 'No Mail' },
            ],
          },
        },
      }),
    );
    expect(result.state).toBe('warning');
    expect(result.message).toBe(
      'Paged as Team Payments, but level 1 includes people who are not members of group:default/team-payments: Zed Zimmer',
    );
    expect(result.facts).toContainEqual({
      label: 'Level-1 people outside the team',
      value: 1,
      ...pagerDutyFact,
    });
  });
});
