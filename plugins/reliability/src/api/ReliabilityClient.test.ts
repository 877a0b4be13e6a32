import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { paymentsTeamOnCall } from '../__testUtils__/groupOnCallFixtures';
import {
  checkoutApiSummary,
  pagerDutySource,
} from '../__testUtils__/summaryFixtures';
import { ReliabilityClient } from './ReliabilityClient';

const server = setupServer();
registerMswTestHooks(server);

const BASE_URL = 'http://backstage.test/api/reliability';

function client(options: { readTimeoutMs?: number } = {}) {
  const fetchApi = {
    fetch: jest.fn((input: any, init?: RequestInit) => fetch(input, init)),
  };
  const discoveryApi = {
    getBaseUrl: jest.fn(async (_pluginId: string) => BASE_URL),
  };
  return {
    fetchApi,
    discoveryApi,
    client: new ReliabilityClient({ discoveryApi, fetchApi, ...options }),
  };
}

describe('ReliabilityClient', () => {
  it('reads an entity summary from the reliability plugin through fetchApi', async () => {
    const seen: Array<{ method: string; url: string; accept: string | null }> =
      [];
    server.use(
      http.get(
        `${BASE_URL}/entities/:kind/:namespace/:name/summary`,
        ({ request }) => {
          seen.push({
            method: request.method,
            url: request.url,
            accept: request.headers.get('accept'),
          });
          return HttpResponse.json(checkoutApiSummary());
        },
      ),
    );
    const { client: api, discoveryApi, fetchApi } = client();

    const summary = await api.getEntitySummary(
      'Component:default/checkout-api',
    );

    expect(summary.onCall.escalationPolicy?.name).toBe('Payments escalation');
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith('reliability');
    expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([
      {
        method: 'GET',
        url: `${BASE_URL}/entities/component/default/checkout-api/summary`,
        accept: 'application/json',
      },
    ]);
  });

  it('encodes each part of a compound ref and defaults the namespace', async () => {
    const urls: string[] = [];
    server.use(
      http.get(
        `${BASE_URL}/entities/:kind/:namespace/:name/summary`,
        ({ request }) => {
          urls.push(new URL(request.url).pathname);
          return HttpResponse.json(checkoutApiSummary());
        },
      ),
    );
    const { client: api } = client();

    await api.getEntitySummary({
      kind: 'Component',
      namespace: 'team a',
      name: 'odd/name',
    });
    await api.getEntitySummary({
      kind: 'Component',
      namespace: '',
      name: 'plain',
    });

    expect(urls).toEqual([
      '/api/reliability/entities/component/team%20a/odd%2Fname/summary',
      '/api/reliability/entities/component/default/plain/summary',
    ]);
  });

  it('POSTs a refresh and returns the refreshed summary', async () => {
    const methods: string[] = [];
    server.use(
      http.post(
        `${BASE_URL}/entities/component/default/checkout-api/refresh`,
        ({ request }) => {
          methods.push(request.method);
          return HttpResponse.json({
            refreshedAt: '2025-03-04T14:00:00.000Z',
            summary: checkoutApiSummary(),
          });
        },
      ),
    );
    const { client: api } = client();

    const result = await api.refreshEntity('component:default/checkout-api');

    expect(methods).toEqual(['POST']);
    expect(result.refreshedAt).toBe('2025-03-04T14:00:00.000Z');
    expect(result.summary.entityRef).toBe('component:default/checkout-api');
  });

  it('reads source health from /health', async () => {
    server.use(
      http.get(`${BASE_URL}/health`, () =>
        HttpResponse.json({ sources: [pagerDutySource({ stale: true })] }),
      ),
    );
    const { client: api } = client();

    const health = await api.getSourcesHealth();

    expect(health.sources.map(source => [source.id, source.stale])).toEqual([
      ['pagerduty:default', true],
    ]);
  });

  it('reads a group on-call overview, defaulting string refs to kind group', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${BASE_URL}/groups/:namespace/:name/on-call`, ({ request }) => {
        urls.push(new URL(request.url).pathname);
        return HttpResponse.json(paymentsTeamOnCall());
      }),
    );
    const { client: api, fetchApi } = client();
    const response = await api.getGroupOnCall('team-payments');
    expect(response.entities.map(entity => entity.entityRef)).toContain(
      'component:default/checkout-api',
    );
    await api.getGroupOnCall({
      kind: 'Group',
      namespace: 'org a',
      name: 'team/x',
    });
    expect(urls).toEqual([
      '/api/reliability/groups/default/team-payments/on-call',
      '/api/reliability/groups/org%20a/team%2Fx/on-call',
    ]);
    expect(fetchApi.fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses to ask for the team on-call of something that is not a group', async () => {
    const { client: api, fetchApi } = client();
    await expect(
      api.getGroupOnCall('component:default/checkout-api'),
    ).rejects.toThrow(
      'Team on-call needs a group, not a component (component:default/checkout-api)',
    );
    expect(fetchApi.fetch).not.toHaveBeenCalled();
  });

  it('throws a ResponseError carrying the backend error and the Retry-After header', async () => {
    server.use(
      http.post(
        `${BASE_URL}/entities/component/default/checkout-api/refresh`,
        () =>
          HttpResponse.json(
            {
              error: {
                name: 'TooManyRequestsError',
                message: 'Try again later',
              },
              request: {
                method: 'POST',
                url: '/entities/component/default/checkout-api/refresh',
              },
              response: { statusCode: 429 },
            },
            {
              status: 429,
              statusText: 'Too Many Requests',
              headers: { 'Retry-After': '30' },
            },
          ),
      ),
    );
    const { client: api } = client();

    const error = await api
      .refreshEntity('component:default/checkout-api')
      .catch(e => e);

    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(429);
    expect(error.cause.name).toBe('TooManyRequestsError');
    expect(error.cause.message).toBe('Try again later');
    expect(error.response.headers.get('Retry-After')).toBe('30');
  });

  it('gives up at its deadline with an error naming the request', async () => {
    server.use(
      http.get(`${BASE_URL}/health`, () => new Promise<never>(() => {})),
    );
    const { client: api } = client({ readTimeoutMs: 50 });

    await expect(api.getSourcesHealth()).rejects.toThrow(
      'The reliability backend did not answer GET /health within 0 s',
    );
  });

  it('passes a caller abort through unchanged', async () => {
    server.use(
      http.get(`${BASE_URL}/health`, () => new Promise<never>(() => {})),
    );
    const { client: api } = client();
    const controller = new AbortController();

    const pending = api.getSourcesHealth({ signal: controller.signal });
    controller.abort();

    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
