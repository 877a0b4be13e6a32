import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  paymentsOnCallHealth,
  paymentsReport,
} from '../__testUtils__/reportFixtures';
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

describe('ReliabilityClient report calls', () => {
  it('asks for the organisation, a group and an entity report over a period', async () => {
    const urls: string[] = [];
    const answer = ({ request }: { request: Request }) => {
      urls.push(request.url);
      return HttpResponse.json(paymentsReport());
    };
    server.use(
      http.get(`${BASE_URL}/reports/organization`, answer),
      http.get(`${BASE_URL}/reports/groups/:namespace/:name`, answer),
      http.get(`${BASE_URL}/reports/entities/:kind/:namespace/:name`, answer),
    );

    await client().getOrganizationReport();
    await client().getOrganizationReport({ month: '2026-10' });
    const report = await client().getGroupReport('team-payments', {
      from: '2026-11-03',
      to: '2026-11-09',
      timeZone: 'Europe/Berlin',
    });
    await client().getEntityReport('Component:default/checkout-api', {
      month: '2026-11',
    });

    expect(report.scope.title).toBe('Payments');
    expect(urls).toEqual([
      `${BASE_URL}/reports/organization`,
      `${BASE_URL}/reports/organization?month=2026-10`,
      `${BASE_URL}/reports/groups/default/team-payments?from=2026-11-03&to=2026-11-09&timeZone=Europe%2FBerlin`,
      `${BASE_URL}/reports/entities/component/default/checkout-api?month=2026-11`,
    ]);
  });

  it('asks for every service of the organisation or a group as CSV', async () => {
    const urls: string[] = [];
    const answer = ({ request }: { request: Request }) => {
      urls.push(request.url);
      return new HttpResponse('\uFEFFEntity,Title\r\n', {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      });
    };
    server.use(
      http.get(`${BASE_URL}/reports/organization/services.csv`, answer),
      http.get(
        `${BASE_URL}/reports/groups/:namespace/:name/services.csv`,
        answer,
      ),
    );

    const csv = await client().exportReportServices({}, { month: '2026-10' });
    await client().exportReportServices(
      { groupRef: 'team-payments' },
      { from: '2026-11-03', to: '2026-11-09' },
    );

    expect(csv).toBe('Entity,Title\r\n');
    expect(urls).toEqual([
      `${BASE_URL}/reports/organization/services.csv?month=2026-10`,
      `${BASE_URL}/reports/groups/default/team-payments/services.csv?from=2026-11-03&to=2026-11-09`,
    ]);
    await expect(
      client().exportReportServices({
        groupRef: 'component:default/checkout-api',
      }),
    ).rejects.toThrow('A team reliability report needs a group');
  });

  it('refuses a group report for another kind before asking the backend', async () => {
    await expect(
      client().getGroupReport('component:default/checkout-api'),
    ).rejects.toThrow(
      'A team reliability report needs a group, not a component (component:default/checkout-api)',
    );
  });

  it('passes the backend’s refusal of a period on with its message', async () => {
    server.use(
      http.get(`${BASE_URL}/reports/organization`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message: 'month: 2027-01 is in the future',
            },
            request: { method: 'GET', url: '/reports/organization' },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );

    await expect(
      client().getOrganizationReport({ month: '2027-01' }),
    ).rejects.toMatchObject({
      statusCode: 400,
      cause: { name: 'InputError', message: 'month: 2027-01 is in the future' },
    });
  });

  it('reads a group’s on-call health', async () => {
    const urls: string[] = [];
    server.use(
      http.get(
        `${BASE_URL}/groups/:namespace/:name/on-call-health`,
        ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json(paymentsOnCallHealth());
        },
      ),
    );

    const health = await client().getGroupOnCallHealth(
      'group:platform/team-payments',
    );

    expect(health.rotations[0].rotationId).toBe('PPOLICY1');
    expect(urls).toEqual([
      `${BASE_URL}/groups/platform/team-payments/on-call-health`,
    ]);
  });
});
