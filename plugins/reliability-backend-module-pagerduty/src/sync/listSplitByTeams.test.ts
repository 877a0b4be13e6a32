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
      // Generated names sort like their zero-padded ids.
      const sortBy = url.searchParams.get('sort_by') ?? 'name';
      const ordered = [...matching].sort((a, b) => a.id.localeCompare(b.id));
      if (sortBy === 'name:desc') ordered.reverse();
      return pagedResponse(request, 'services', ordered);
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
      {
        path: '/services',
        key: 'services',
        query: { 'include[]': ['teams'] },
        sortableByName: true,
      },
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

    const { items: result, complete } = await list();

    expect(result).toHaveLength(10_200);
    expect(new Set(result.map(s => s.id)).size).toBe(10_200);
    expect(complete).toBe(true);
    expect(context.warnings).toEqual([]);
    // The first page's total already told the list is too long.
    expect(asked.filter(u => !u.searchParams.has('team_ids[]'))).toHaveLength(
      1,
    );
    expect(
      asked.every(u => Number(u.searchParams.get('offset')) + 100 <= 10_000),
    ).toBe(true);
  });

  it('finds items of no team at the ends of the whole list', async () => {
    const all = [...services(10_000, ['PTA']), ...services(50, [], 10_000)];
    const { list, context } = serve(all, [team('PTA')]);

    const { items, complete } = await list();

    expect(items).toHaveLength(10_050);
    expect(complete).toBe(true);
    expect(context.warnings).toEqual([]);
  });

  it('says which items no split reaches: those of no team, in the middle of a list over 20,000', async () => {
    const all = [
      ...services(10_000, ['PTA']),
      ...services(50, [], 10_000),
      ...services(10_000, ['PTB'], 10_050),
    ];
    const { list, context } = serve(all, [team('PTA'), team('PTB')]);

    const { items, complete } = await list();

    expect(items).toHaveLength(20_000);
    expect(complete).toBe(false);
    expect(context.warnings).toEqual([
      'services: PagerDuty reports 20050 but only 20000 could be listed (10,000 offset limit); the 50 missing belong to no team, and no split reaches them',
    ]);
  });

  it('reads a team over 10,000 from both ends by name', async () => {
    const all = [
      ...services(10_300, ['PTA']),
      ...services(100, ['PTB'], 10_300),
    ];
    const { list, context, asked } = serve(all, [team('PTA'), team('PTB')]);

    const { items, complete } = await list();

    expect(items).toHaveLength(10_400);
    expect(complete).toBe(true);
    expect(context.warnings).toEqual([]);
    expect(
      asked.some(
        u =>
          u.searchParams.get('team_ids[]') === 'PTA' &&
          u.searchParams.get('sort_by') === 'name:desc',
      ),
    ).toBe(true);
  });

  it('does not blame "no team" for what a team over 20,000 hides', async () => {
    const all = [
      ...services(20_300, ['PTA']),
      ...services(100, ['PTB'], 20_300),
    ];
    const { list, context } = serve(all, [team('PTA'), team('PTB')]);

    const { items, complete } = await list();

    expect(items).toHaveLength(20_100);
    expect(complete).toBe(false);
    expect(context.warnings).toEqual([
      expect.stringContaining(
        'team "team PTA" has 20300, more than PagerDuty can list (10,000 offset limit, read from both ends by name); 300 of them are missing',
      ),
      expect.stringContaining(
        '300 are missing, in the teams named above or in no team',
      ),
    ]);
    expect(context.warnings.join(' ')).not.toContain('belong to no team');
  });

  it('reads both ends, and warns beyond them, when the account cannot filter by team', async () => {
    const { list, context } = serve(services(10_100, ['PTA']), [team('PTA')], {
      teamsAbility: false,
    });
    const whole = await list();
    expect(whole.items).toHaveLength(10_100);
    expect(whole.complete).toBe(true);
    expect(context.warnings).toEqual([]);

    const tooMany = serve(services(20_100, ['PTA']), [team('PTA')], {
      teamsAbility: false,
    });
    const partial = await tooMany.list();
    expect(partial.items).toHaveLength(20_000);
    expect(partial.complete).toBe(false);
    expect(tooMany.context.warnings).toEqual([
      expect.stringContaining('could not be split by team'),
    ]);
    expect(tooMany.context.warnings[0]).toContain(
      'Team Ids is not a valid parameter',
    );
  });
});
