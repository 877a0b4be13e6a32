import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import { pagedResponse } from '../__testUtils__/pagedResponse';
import { PagerDutyClient } from '../client/PagerDutyClient';
import type { PdService, PdTeam } from '../client/pagerDutyTypes';
import {
  generatedServices as services,
  generatedTeam as team,
} from '../__testUtils__/generatedEntities';
import { listSplitByTeams } from './listSplitByTeams';
import type { SyncContext } from './SyncContext';

const BASE = 'https://api.pagerduty.test';

const server = setupServer();
registerMswTestHooks(server);

function serve(
  all: PdService[],
  teams: PdTeam[],
  options: { teamsAbility?: boolean } = {},
) {
  const asked: URL[] = [];
  server.use(
    http.get(`${BASE}/teams`, ({ request }) =>
      pagedResponse(request, 'teams', teams),
    ),
    http.get(`${BASE}/services`, ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const teamIds = url.searchParams.getAll('team_ids[]');
      if (teamIds.length && options.teamsAbility === false) {
        return HttpResponse.json(
          {
            error: {
              message: 'Invalid Input Provided',
              code: 2001,
              errors: ['Team Ids is not a valid parameter for this account.'],
            },
          },
          { status: 400 },
        );
      }
      const matching = teamIds.length
        ? all.filter(s => s.teams?.some(t => teamIds.includes(t.id)))
        : all;
      return pagedResponse(request, 'services', matching);
    }),
  );
  const time = createTestClock('2025-06-04T10:00:00Z');
  const client = new PagerDutyClient({
    accountId: 'big',
    baseUrl: BASE,
    token: 'token-big-account',
    clock: time.clock,
  });
  const context: SyncContext = { client, warnings: [] };
  const list = () =>
    listSplitByTeams<PdService>(
      context,
      { path: '/services', key: 'services', query: { 'include[]': ['teams'] } },
      async () => (await client.list<PdTeam>('/teams', 'teams')).items,
    );
  return { list, context, asked };
}

describe('listSplitByTeams', () => {
  it('splits a list longer than 10,000 by team and gets every item', async () => {
    const all = [
      ...services(4_000, ['PTA']),
      ...services(4_000, ['PTB'], 4_000),
      // in two teams: must appear once
      ...services(2_200, ['PTB', 'PTC'], 8_000),
    ];
    const { list, context, asked } = serve(all, [
      team('PTA'),
      team('PTB'),
      team('PTC'),
    ]);

    const result = await list();

    expect(result).toHaveLength(10_200);
    expect(new Set(result.map(s => s.id)).size).toBe(10_200);
    expect(context.warnings).toEqual([]);
    // The first page's total already told the list is too long.
    expect(asked.filter(u => !u.searchParams.has('team_ids[]'))).toHaveLength(
      1,
    );
    expect(
      asked.every(u => Number(u.searchParams.get('offset')) + 100 <= 10_000),
    ).toBe(true);
  });

  it('warns about items no team split can reach', async () => {
    const all = [...services(10_000, ['PTA']), ...services(50, [], 10_000)];
    const { list, context } = serve(all, [team('PTA')]);

    const result = await list();

    expect(result).toHaveLength(10_000);
    expect(context.warnings).toEqual([
      "services: PagerDuty reports 10050 but only 10000 could be listed; the list exceeds PagerDuty's 10,000 offset limit and services that belong to no team cannot be reached by splitting per team",
    ]);
  });

  it('warns when one team alone exceeds 10,000', async () => {
    const all = [
      ...services(10_300, ['PTA']),
      ...services(100, ['PTB'], 10_300),
    ];
    const { list, context } = serve(all, [team('PTA'), team('PTB')]);

    const result = await list();

    expect(result).toHaveLength(10_100);
    expect(context.warnings).toEqual([
      expect.stringContaining(
        'team "team PTA" has 10300, more than PagerDuty can list (10,000 offset limit); 300 of them are missing',
      ),
      expect.stringContaining(
        'PagerDuty reports 10400 but only 10100 could be listed',
      ),
    ]);
  });

  it('warns instead of failing when the account cannot filter by team', async () => {
    const all = services(10_100, ['PTA']);
    const { list, context } = serve(all, [team('PTA')], {
      teamsAbility: false,
    });

    const result = await list();

    expect(result).toHaveLength(100);
    expect(context.warnings).toEqual([
      expect.stringContaining('could not be split by team'),
    ]);
    expect(context.warnings[0]).toContain('Team Ids is not a valid parameter');
  });
});
