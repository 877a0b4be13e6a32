import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  checkoutApiScorecard,
  fleetOverview,
  paymentsTeamScorecards,
  sloDefinedToBronzePreview,
} from '../__testUtils__/scorecardFixtures';
import { ReliabilityClient } from './ReliabilityClient';

const server = setupServer();
registerMswTestHooks(server);

const BASE_URL = 'http://backstage.test/api/reliability';

function client() {
  return new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => BASE_URL },
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
}

describe('ReliabilityClient scorecard calls', () => {
  it('reads the scorecard of an entity', async () => {
    const urls: string[] = [];
    server.use(
      http.get(
        `${BASE_URL}/entities/:kind/:namespace/:name/scorecard`,
        ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json(checkoutApiScorecard());
        },
      ),
    );

    const response = await client().getEntityScorecard(
      'Component:default/checkout-api',
    );

    expect(response.scorecard?.level?.title).toBe('Bronze');
    expect(urls).toEqual([
      `${BASE_URL}/entities/component/default/checkout-api/scorecard`,
    ]);
  });

  it('reads the scorecards of a group, refusing other kinds', async () => {
    server.use(
      http.get(`${BASE_URL}/groups/default/team-payments/scorecards`, () =>
        HttpResponse.json(paymentsTeamScorecards()),
      ),
    );

    const response = await client().getGroupScorecards('team-payments');
    expect(response.rows).toHaveLength(4);
    await expect(
      client().getGroupScorecards('component:default/checkout-api'),
    ).rejects.toThrow(
      'Team scorecards needs a group, not a component (component:default/checkout-api)',
    );
  });

  it('sends the team query, and exports every matching row without paging', async () => {
    const urls: string[] = [];
    server.use(
      http.get(
        `${BASE_URL}/groups/default/team-payments/scorecards`,
        ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json(paymentsTeamScorecards());
        },
      ),
      http.get(
        `${BASE_URL}/groups/default/team-payments/scorecards/export`,
        ({ request }) => {
          urls.push(request.url);
          return new HttpResponse('\uFEFFEntity\r\n', {
            headers: { 'Content-Type': 'text/csv; charset=utf-8' },
          });
        },
      ),
    );
    const query = {
      search: ' checkout & co ',
      level: 'none',
      owner: 'group:default/team-fraud',
      failing: true,
      check: 'slo-met',
      tier: '',
      sort: 'sloAlert' as const,
      direction: 'desc' as const,
      offset: 25,
      limit: 25,
    };
    await client().getGroupScorecards('team-payments', query);
    const csv = await client().exportGroupScorecards('team-payments', query);

    expect(csv).toBe('Entity\r\n');
    const search =
      'search=checkout+%26+co&level=none&owner=group%3Adefault%2Fteam-fraud&failing=true&check=slo-met&sort=sloAlert&direction=desc';
    expect(urls).toEqual([
      `${BASE_URL}/groups/default/team-payments/scorecards?${search}&offset=25&limit=25`,
      `${BASE_URL}/groups/default/team-payments/scorecards/export?${search}`,
    ]);
  });

  it('reads the overview', async () => {
    server.use(
      http.get(`${BASE_URL}/scorecards/overview`, () =>
        HttpResponse.json(fleetOverview()),
      ),
    );
    const response = await client().getScorecardOverview();
    expect(response.teams.map(team => team.rank)).toEqual([1, 2, 3]);
  });

  it('posts a rubric preview as JSON', async () => {
    const bodies: unknown[] = [];
    const contentTypes: Array<string | null> = [];
    server.use(
      http.post(`${BASE_URL}/scorecards/preview`, async ({ request }) => {
        contentTypes.push(request.headers.get('content-type'));
        bodies.push(await request.json());
        return HttpResponse.json(sloDefinedToBronzePreview());
      }),
    );
    const request = {
      changes: [
        { op: 'add' as const, checkId: 'slo-defined', levelId: 'bronze' },
      ],
    };

    const response = await client().previewRubricChange(request);

    expect(response.droppedCount).toBe(4);
    expect(bodies).toEqual([request]);
    expect(contentTypes).toEqual(['application/json']);
  });

  it("surfaces the backend's message when a preview is refused", async () => {
    server.use(
      http.post(`${BASE_URL}/scorecards/preview`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'changes[0].levelId: unknown level "platinum"',
            },
            request: { method: 'POST', url: '/scorecards/preview' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    const failure = client().previewRubricChange({
      changes: [{ op: 'add', checkId: 'slo-defined', levelId: 'platinum' }],
    });
    await expect(failure).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
      cause: { message: 'changes[0].levelId: unknown level "platinum"' },
    });
  });
});
