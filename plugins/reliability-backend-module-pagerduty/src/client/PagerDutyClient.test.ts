import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createTestClock } from '../__testUtils__/createTestClock';
import { generatedServices } from '../__testUtils__/generatedEntities';
import { pagedResponse } from '../__testUtils__/pagedResponse';
import {
  PagerDutyClient,
  type PagerDutyClientOptions,
} from './PagerDutyClient';
import { isPagerDutyError, PagerDutyError } from './PagerDutyError';
import { RateLimiterRegistry } from './RateLimiterRegistry';

const BASE = 'https://api.pagerduty.test';
const TOKEN = 'u+SeCrEt-ToKeN-123';

const server = setupServer();
registerMswTestHooks(server);

function service(n: number) {
  return generatedServices(1, [], n)[0];
}

function makeClient(overrides: Partial<PagerDutyClientOptions> = {}) {
  const time = createTestClock('2025-06-04T10:00:00Z');
  const client = new PagerDutyClient({
    accountId: 'acme',
    baseUrl: BASE,
    token: TOKEN,
    clock: time.clock,
    retry: { random: () => 0.5 },
    ...overrides,
  });
  return { client, time };
}

async function failure(promise: Promise<unknown>): Promise<PagerDutyError> {
  try {
    await promise;
  } catch (error) {
    if (isPagerDutyError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('PagerDutyClient', () => {
  it('sends the API version and the token in PagerDuty’s header format', async () => {
    const seen: Headers[] = [];
    server.use(
      http.get(`${BASE}/abilities`, ({ request }) => {
        seen.push(request.headers);
        return HttpResponse.json({ abilities: ['teams'] });
      }),
    );
    const { client } = makeClient();
    await client.get('/abilities');
    const bearer = makeClient({ tokenType: 'bearer' }).client;
    await bearer.get('/abilities');

    expect(seen[0].get('accept')).toBe(
      'application/vnd.pagerduty+json;version=2',
    );
    expect(seen[0].get('authorization')).toBe(`Token token=${TOKEN}`);
    expect(seen[1].get('authorization')).toBe(`Bearer ${TOKEN}`);
  });

  describe('pagination', () => {
    it('reads every page with limit=100 until more is false', async () => {
      const all = Array.from({ length: 250 }, (_, i) => service(i));
      const asked: Array<{ limit: string | null; offset: string | null }> = [];
      server.use(
        http.get(`${BASE}/services`, ({ request }) => {
          const url = new URL(request.url);
          asked.push({
            limit: url.searchParams.get('limit'),
            offset: url.searchParams.get('offset'),
          });
          return pagedResponse(request, 'services', all);
        }),
      );
      const { client } = makeClient();

      const result = await client.list<{ id: string }>(
        '/services',
        'services',
        {
          'include[]': ['teams'],
        },
      );

      expect(result.complete).toBe(true);
      expect(result.total).toBe(250);
      expect(result.items.map(s => s.id)).toEqual(all.map(s => s.id));
      expect(asked).toEqual([
        { limit: '100', offset: '0' },
        { limit: '100', offset: '100' },
        { limit: '100', offset: '200' },
      ]);
      expect(client.stats()).toMatchObject({ requests: 3, pages: 3 });
    });

    it('ends an endless more: true at the page bound with an error', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/services`, ({ request }) => {
          calls += 1;
          const url = new URL(request.url);
          const offset = Number(url.searchParams.get('offset'));
          return HttpResponse.json({
            services: Array.from({ length: 100 }, (_, i) =>
              service(offset + i),
            ),
            limit: 100,
            offset,
            more: true,
            total: 150,
          });
        }),
      );
      const { client } = makeClient({ maxPages: 5 });

      const error = await failure(client.list('/services', 'services'));

      expect(error.kind).toBe('pagination');
      expect(error.message).toContain('more: true after 5 pages');
      expect(error.message).toContain('"acme"');
      expect(calls).toBe(5);
    });

    it('stops at the offset cap instead of asking PagerDuty for offset 10,000', async () => {
      // A server that never ends the list and reports no total: at the cap
      // the list is returned as incomplete, never requested past it.
      const offsets: number[] = [];
      server.use(
        http.get(`${BASE}/services`, ({ request }) => {
          const url = new URL(request.url);
          const offset = Number(url.searchParams.get('offset'));
          offsets.push(offset);
          return HttpResponse.json({
            services: Array.from({ length: 100 }, (_, i) =>
              service(offset + i),
            ),
            limit: 100,
            offset,
            more: true,
            total: null,
          });
        }),
      );
      const { client } = makeClient();

      const result = await client.list('/services', 'services');

      expect(result.complete).toBe(false);
      expect(result.items).toHaveLength(10_000);
      expect(Math.max(...offsets)).toBe(9_900);
    });

    it('treats an empty page that claims more as an error, not a loop', async () => {
      server.use(
        http.get(`${BASE}/oncalls`, () =>
          HttpResponse.json({
            oncalls: [],
            limit: 100,
            offset: 0,
            more: true,
            total: null,
          }),
        ),
      );
      const { client } = makeClient();
      const error = await failure(client.list('/oncalls', 'oncalls'));
      expect(error.kind).toBe('pagination');
      expect(error.message).toContain('empty page with more: true');
    });
  });

  describe('rate limiting', () => {
    it('waits for ratelimit-reset after a 429 and then succeeds', async () => {
      const { client, time } = makeClient();
      const startedAt: number[] = [];
      server.use(
        http.get(`${BASE}/users`, () => {
          startedAt.push(time.now());
          if (startedAt.length === 1) {
            return HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              {
                status: 429,
                headers: {
                  'ratelimit-limit': '960',
                  'ratelimit-remaining': '0',
                  'ratelimit-reset': '7',
                },
              },
            );
          }
          return HttpResponse.json({
            users: [],
            limit: 100,
            offset: 0,
            more: false,
            total: null,
          });
        }),
      );

      const result = await client.list('/users', 'users');

      expect(result.complete).toBe(true);
      expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(7_000);
      expect(client.stats()).toMatchObject({
        requests: 2,
        rateLimited: 1,
        retries: 0,
      });
    });

    it('reports a rate limit, with when it ends, when the caller’s deadline comes during the pause', async () => {
      const time = createTestClock('2025-06-04T10:00:00Z');
      const deadline = new AbortController();
      const client = new PagerDutyClient({
        accountId: 'acme',
        baseUrl: BASE,
        token: TOKEN,
        retry: { random: () => 0.5 },
        clock: {
          now: time.clock.now,
          // The caller's deadline passes while the token is paused.
          sleep: async (ms, signal) => {
            if (ms >= 1_000) {
              deadline.abort(new DOMException('deadline', 'TimeoutError'));
            }
            return time.clock.sleep(ms, signal);
          },
        },
      });
      server.use(
        http.get(`${BASE}/users/PU1`, () =>
          HttpResponse.json(
            { error: { message: 'Rate Limit Exceeded', code: 2020 } },
            { status: 429, headers: { 'ratelimit-reset': '30' } },
          ),
        ),
      );

      const error = await failure(
        client.get('/users/PU1', {}, { signal: deadline.signal }),
      );

      expect(error.kind).toBe('rate-limited');
      expect(error.retryAfterSeconds).toBe(30);
    });

    it('backs off exponentially on 429 without headers, and counts them', async () => {
      const { client, time } = makeClient();
      const startedAt: number[] = [];
      server.use(
        http.get(`${BASE}/users`, () => {
          startedAt.push(time.now());
          if (startedAt.length <= 3) {
            return HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              { status: 429 },
            );
          }
          return HttpResponse.json({
            users: [],
            limit: 100,
            offset: 0,
            more: false,
          });
        }),
      );

      await client.list('/users', 'users');

      const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]);
      expect(gaps[0]).toBeGreaterThan(0);
      expect(gaps[1]).toBeGreaterThan(gaps[0]);
      expect(gaps[2]).toBeGreaterThan(gaps[1]);
      expect(client.stats().rateLimited).toBe(3);
    });

    it('gives up after a bounded number of 429s with a rate-limit error', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/users`, () => {
          calls += 1;
          return HttpResponse.json(
            { error: { message: 'Rate Limit Exceeded', code: 2020 } },
            { status: 429, headers: { 'ratelimit-reset': '1' } },
          );
        }),
      );
      const { client } = makeClient({ retry: { maxRateLimitWaits: 3 } });

      const error = await failure(client.list('/users', 'users'));

      expect(error.kind).toBe('rate-limited');
      expect(calls).toBe(4);
      expect(client.stats().rateLimited).toBe(4);
    });

    it('pauses every request of the same token after a 429', async () => {
      const time = createTestClock('2025-06-04T10:00:00Z');
      const rateLimiters = new RateLimiterRegistry({ clock: time.clock });
      const common = {
        baseUrl: BASE,
        token: TOKEN,
        clock: time.clock,
        rateLimiters,
        retry: { random: () => 0.5 },
      };
      const first = new PagerDutyClient({ ...common, accountId: 'one' });
      const second = new PagerDutyClient({ ...common, accountId: 'two' });
      let limited = false;
      let teamsAt = 0;
      server.use(
        http.get(`${BASE}/users`, () => {
          if (!limited) {
            limited = true;
            return HttpResponse.json(
              { error: { message: 'Rate Limit Exceeded', code: 2020 } },
              { status: 429, headers: { 'ratelimit-reset': '30' } },
            );
          }
          return HttpResponse.json({ users: [], more: false });
        }),
        http.get(`${BASE}/teams`, () => {
          teamsAt = time.now();
          return HttpResponse.json({ teams: [], more: false });
        }),
      );
      const start = time.now();

      await first.list('/users', 'users');
      await second.list('/teams', 'teams');

      expect(teamsAt - start).toBeGreaterThanOrEqual(30_000);
    });

    it('spaces requests of one token at requestsPerMinute', async () => {
      const { client, time } = makeClient({ requestsPerMinute: 60 });
      const startedAt: number[] = [];
      server.use(
        http.get(`${BASE}/abilities`, () => {
          startedAt.push(time.now());
          return HttpResponse.json({ abilities: [] });
        }),
      );

      await Promise.all([
        client.get('/abilities'),
        client.get('/abilities'),
        client.get('/abilities'),
      ]);

      const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]);
      expect(gaps).toEqual([1_000, 1_000]);
    });

    it('keeps at most one request in flight per token', async () => {
      let inFlight = 0;
      let peak = 0;
      server.use(
        http.get(`${BASE}/abilities`, async () => {
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await delay(5);
          inFlight -= 1;
          return HttpResponse.json({ abilities: [] });
        }),
      );
      const { client } = makeClient();

      await Promise.all(
        Array.from({ length: 5 }, () => client.get('/abilities')),
      );

      expect(peak).toBe(1);
    });
  });

  describe('failures', () => {
    it('retries a 5xx and returns the later success', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/teams`, () => {
          calls += 1;
          if (calls === 1) {
            return HttpResponse.json(
              { error: { message: 'Internal Server Error' } },
              { status: 502 },
            );
          }
          if (calls === 2) {
            return new HttpResponse('upstream connect error', { status: 503 });
          }
          return HttpResponse.json({
            teams: [{ id: 'PT1', type: 'team' }],
            more: false,
          });
        }),
      );
      const { client, time } = makeClient();

      const result = await client.list('/teams', 'teams');

      expect(result.items).toHaveLength(1);
      expect(client.stats()).toMatchObject({ requests: 3, retries: 2 });
      // Backoff grows between attempts.
      expect(time.sleeps.filter(ms => ms >= 250)).toHaveLength(2);
      expect(time.sleeps[1]).toBeGreaterThan(time.sleeps[0]);
    });

    it('gives up on a persistent 5xx after a bounded number of attempts', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/teams`, () => {
          calls += 1;
          return new HttpResponse(null, { status: 500 });
        }),
      );
      const { client } = makeClient({
        retry: { maxAttempts: 3, random: () => 0 },
      });

      const error = await failure(client.list('/teams', 'teams'));

      expect(calls).toBe(3);
      expect(error.kind).toBe('unavailable');
      expect(error.message).toContain('HTTP 500');
      expect(error.message).toContain('gave up after 3 attempts');
      expect(error.message).not.toContain(TOKEN);
    });

    it('turns a hanging request into a deadline error', async () => {
      server.use(http.get(`${BASE}/teams`, () => delay('infinite')));
      const { client } = makeClient({
        requestTimeoutMs: 50,
        retry: { maxAttempts: 2 },
      });

      const error = await failure(client.list('/teams', 'teams'));

      expect(error.kind).toBe('unavailable');
      expect(error.message).toContain('timed out after 50 ms');
      expect(client.stats()).toMatchObject({ requests: 2, retries: 1 });
    });

    it('retries a truncated JSON body', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/teams`, () => {
          calls += 1;
          if (calls === 1) {
            return new HttpResponse('{"teams":[{"id":"PT1","type":"te', {
              headers: { 'content-type': 'application/json' },
            });
          }
          return HttpResponse.json({
            teams: [{ id: 'PT1', type: 'team' }],
            more: false,
          });
        }),
      );
      const { client } = makeClient();

      const result = await client.list('/teams', 'teams');

      expect(result.items).toEqual([{ id: 'PT1', type: 'team' }]);
      expect(client.stats().retries).toBe(1);
    });

    it('reports a body that stays truncated as invalid JSON', async () => {
      server.use(
        http.get(
          `${BASE}/teams`,
          () =>
            new HttpResponse('{"teams":[', {
              headers: { 'content-type': 'application/json' },
            }),
        ),
      );
      const { client } = makeClient({ retry: { maxAttempts: 2 } });

      const error = await failure(client.list('/teams', 'teams'));

      expect(error.kind).toBe('invalid-response');
      expect(error.message).toContain('truncated or invalid JSON');
      expect(error.message).toContain('GET /teams');
    });

    it('does not accept an HTML page served with status 200', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/teams`, () => {
          calls += 1;
          return HttpResponse.html(
            '<html><body>Scheduled maintenance</body></html>',
          );
        }),
      );
      const { client } = makeClient({ retry: { maxAttempts: 3 } });

      const error = await failure(client.list('/teams', 'teams'));

      expect(calls).toBe(3);
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toContain('text/html instead of JSON');
    });

    it.each([401, 403])(
      'fails at once on %i with an error naming the account, not the token',
      async status => {
        let calls = 0;
        server.use(
          http.get(`${BASE}/services`, () => {
            calls += 1;
            return HttpResponse.json(
              { error: { message: 'Unauthorized', code: 2006 } },
              { status },
            );
          }),
        );
        const { client } = makeClient();

        const error = await failure(client.list('/services', 'services'));

        expect(calls).toBe(1);
        expect(error.kind).toBe('auth');
        expect(error.message).toContain(
          'Check the API token configured for PagerDuty account "acme"',
        );
        expect(error.message).not.toContain(TOKEN);
        expect(JSON.stringify(error)).not.toContain(TOKEN);
      },
    );

    it('reports 404 as not found', async () => {
      server.use(
        http.get(`${BASE}/services/PNOSUCH`, () =>
          HttpResponse.json(
            { error: { message: 'Not Found', code: 2100 } },
            { status: 404 },
          ),
        ),
      );
      const { client } = makeClient();
      const error = await failure(client.get('/services/PNOSUCH'));
      expect(error.kind).toBe('not-found');
      expect(error.message).toContain('GET /services/PNOSUCH');
    });

    it('passes PagerDuty’s message through on 400', async () => {
      server.use(
        http.get(`${BASE}/incidents`, () =>
          HttpResponse.json(
            {
              error: {
                message: 'Invalid Input Provided',
                code: 2001,
                errors: ['Since and until must be less than 6 months apart.'],
              },
            },
            { status: 400 },
          ),
        ),
      );
      const { client } = makeClient();

      const error = await failure(client.list('/incidents', 'incidents'));

      expect(error.kind).toBe('bad-request');
      expect(error.message).toContain('Invalid Input Provided');
      expect(error.message).toContain(
        'Since and until must be less than 6 months apart.',
      );
      expect(client.stats().requests).toBe(1);
    });

    it('stops when the caller aborts, without retrying', async () => {
      let calls = 0;
      server.use(
        http.get(`${BASE}/teams`, async () => {
          calls += 1;
          await delay('infinite');
          return HttpResponse.json({});
        }),
      );
      const { client } = makeClient();
      const controller = new AbortController();

      const pending = client.list(
        '/teams',
        'teams',
        {},
        { signal: controller.signal },
      );
      setTimeout(
        () => controller.abort(new Error('backend shutting down')),
        20,
      );

      await expect(pending).rejects.toThrow('backend shutting down');
      expect(calls).toBe(1);
    });
  });
});
