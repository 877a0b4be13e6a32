import {
  groupScorecardsHref,
  readTeamScorecardParams,
  writeTeamScorecardParams,
} from './teamScorecardSearchParams';
import { NO_TEAM_SCORECARD_FILTER } from './teamScorecardRows';

describe('the team table state in the address', () => {
  it('reads what a link names and writes it back the same', () => {
    const search =
      'search=pay&level=silver&owner=group%3Adefault%2Fteam-a&check=slo-met&failing=true&sort=mttr&direction=desc&page=3&size=50';
    const state = readTeamScorecardParams(new URLSearchParams(search), 25);
    expect(state).toEqual({
      filter: {
        text: 'pay',
        levelId: 'silver',
        ownerRef: 'group:default/team-a',
        tier: '',
        lifecycle: '',
        check: 'slo-met',
        onlyFailing: true,
      },
      sort: { column: 'mttr', direction: 'desc' },
      page: 2,
      pageSize: 50,
    });
    expect(Object.fromEntries(writeTeamScorecardParams(state, 25))).toEqual(
      Object.fromEntries(new URLSearchParams(search)),
    );
  });

  it('falls back to the defaults for values it does not understand', () => {
    const state = readTeamScorecardParams(
      new URLSearchParams(
        `sort=colour&direction=up&page=-1&size=7&check=${'x'.repeat(300)}`,
      ),
      25,
    );
    expect(state.sort).toEqual({ column: 'score', direction: 'asc' });
    expect(state.page).toBe(0);
    expect(state.pageSize).toBe(25);
    // Bounded so the backend never refuses a hand-edited link.
    expect(state.filter.check).toHaveLength(200);
  });

  it('leaves defaults out and keeps unrelated parameters', () => {
    const params = writeTeamScorecardParams(
      {
        filter: { ...NO_TEAM_SCORECARD_FILTER, tier: 'tier-1' },
        sort: { column: 'score', direction: 'asc' },
        page: 0,
        pageSize: 25,
      },
      25,
      new URLSearchParams('tab=x&search=old'),
    );
    expect(params.toString()).toBe('tab=x&tier=tier-1');
  });

  it("links a group's scorecards tab narrowed to a check", () => {
    expect(
      groupScorecardsHref('/catalog/default/group/team-a/', 'scorecards', {
        check: 'slo-met',
        ownerRef: 'group:default/team-a',
      }),
    ).toBe(
      '/catalog/default/group/team-a/scorecards?owner=group%3Adefault%2Fteam-a&check=slo-met',
    );
    expect(
      groupScorecardsHref('/catalog/default/group/team-a', 'scorecards'),
    ).toBe('/catalog/default/group/team-a/scorecards');
  });
});
