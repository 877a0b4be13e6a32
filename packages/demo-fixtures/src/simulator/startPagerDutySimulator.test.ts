import { generatedFleet } from './fixtures/generatedFleet';
import {
  startPagerDutySimulator,
  PagerDutySimulator,
} from './startPagerDutySimulator';
import { pagerDutyGet, pagerDutyGetAllPages } from './testing/simulatorClient';

const NOW = new Date('2026-03-11T10:00:00Z');

describe('startPagerDutySimulator', () => {
  const simulators: PagerDutySimulator[] = [];
  async function start(
    options: Parameters<typeof startPagerDutySimulator>[0] = {},
  ) {
    const simulator = await startPagerDutySimulator({ now: NOW, ...options });
    simulators.push(simulator);
    return simulator;
  }
  afterEach(async () => {
    await Promise.all(simulators.splice(0).map(s => s.close()));
  });

  it('listens on 127.0.0.1 only', async () => {
    const simulator = await start();
    expect(new URL(simulator.url).hostname).toBe('127.0.0.1');
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', null],
      ['a wrong token', 'not-the-token'],
    ])('answers 401 with PagerDuty’s error body for %s', async (_, token) => {
      const simulator = await start();
      const res = await pagerDutyGet(simulator.url, '/services', { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { message: 'Authentication failed', code: 2006 },
      });
      expect(simulator.control.stats().unauthorized).toBe(1);
    });

    it('accepts only the Token scheme', async () => {
      const simulator = await start();
      const res = await fetch(`${simulator.url}/services`, {
        headers: { Authorization: 'Bearer sim-token-preflight' },
      });
      expect(res.status).toBe(401);
    });

    it('accepts the configured tokens and counts requests without the v2 Accept header', async () => {
      const simulator = await start({ tokens: ['a', 'b'] });
      expect(
        (await pagerDutyGet(simulator.url, '/teams', { token: 'b' })).status,
      ).toBe(200);
      const bare = await fetch(`${simulator.url}/teams`, {
        headers: { Authorization: 'Token token=a' },
      });
      expect(bare.status).toBe(200);
      expect(simulator.control.stats().withoutPagerDutyAccept).toBe(1);
    });
  });

  describe('pagination', () => {
    const fleet = generatedFleet({ services: 60, now: NOW });

    it('pages 25 at a time by default, with total only when asked', async () => {
      const simulator = await start({ fleet });
      const first = await pagerDutyGet(simulator.url, '/services');
      expect(first.body).toMatchObject({
        limit: 25,
        offset: 0,
        more: true,
        total: null,
      });
      expect(first.body.services).toHaveLength(25);
      const counted = await pagerDutyGet(
        simulator.url,
        '/services?total=true&offset=50',
      );
      expect(counted.body).toMatchObject({
        limit: 25,
        offset: 50,
        more: false,
        total: 60,
      });
      expect(counted.body.services).toHaveLength(10);
    });

    it('caps limit at 100 and echoes the limit it used', async () => {
      const simulator = await start({
        fleet: generatedFleet({ services: 150, now: NOW }),
      });
      const res = await pagerDutyGet(simulator.url, '/services?limit=500');
      expect(res.body.limit).toBe(100);
      expect(res.body.services).toHaveLength(100);
      expect(res.body.more).toBe(true);
    });

    it('returns every record exactly once across pages', async () => {
      const simulator = await start({ fleet });
      const pages = await pagerDutyGetAllPages(simulator.url, '/services', {
        limit: 7,
      });
      const ids = pages.flatMap(p => p.body.services.map((s: any) => s.id));
      expect(pages).toHaveLength(9);
      expect(new Set(ids).size).toBe(60);
      expect(ids.sort()).toEqual(fleet.services.map(s => s.id).sort());
    });

    it('refuses offset + limit beyond 10,000 with 400 / 2002', async () => {
      const simulator = await start({ fleet });
      expect(
        (await pagerDutyGet(simulator.url, '/services?offset=9900&limit=100'))
          .status,
      ).toBe(200);
      for (const query of [
        'offset=9901&limit=100',
        'offset=10000',
        'offset=9990&limit=11',
      ]) {
        const res = await pagerDutyGet(simulator.url, `/incidents?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error).toMatchObject({
          code: 2002,
          message: 'Arguments Caused Error',
        });
        expect(res.body.error.errors[0]).toMatch(
          /Offset\+limit exceeds maximum allowed value of 10000/,
        );
      }
    });

    it('rejects malformed paging parameters', async () => {
      const simulator = await start({ fleet });
      for (const query of [
        'limit=0',
        'limit=-1',
        'offset=abc',
        'total=maybe',
      ]) {
        const res = await pagerDutyGet(simulator.url, `/teams?${query}`);
        expect(res.status).toBe(400);
        expect(res.body.error.code).toBe(2001);
      }
    });
  });

  describe('rate limiting', () => {
    it('answers 429 with ratelimit headers once a token used its budget, per token', async () => {
      const simulator = await start({
        rateLimitPerMinute: 3,
        tokens: ['a', 'b'],
      });
      const remaining = [];
      for (let i = 0; i < 3; i++) {
        const ok = await pagerDutyGet(simulator.url, '/teams', { token: 'a' });
        expect(ok.status).toBe(200);
        remaining.push(ok.headers.get('ratelimit-remaining'));
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await pagerDutyGet(simulator.url, '/teams', {
        token: 'a',
      });
      expect(limited.status).toBe(429);
      expect(limited.body).toEqual({
        error: { message: 'Rate Limit Exceeded', code: 2020 },
      });
      expect(limited.headers.get('ratelimit-limit')).toBe('3');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('ratelimit-reset')).toBe('60');
      expect(limited.headers.get('retry-after')).toBeNull();
      expect(
        (await pagerDutyGet(simulator.url, '/teams', { token: 'b' })).status,
      ).toBe(200);
      expect(simulator.control.stats().rateLimited).toBe(1);
    });

    it('lets a token through again when its minute is over', async () => {
      let now = NOW.getTime();
      const simulator = await start({
        rateLimitPerMinute: 1,
        now: () => new Date(now),
      });
      expect((await pagerDutyGet(simulator.url, '/teams')).status).toBe(200);
      now += 30_000;
      const limited = await pagerDutyGet(simulator.url, '/teams');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('ratelimit-reset')).toBe('30');
      now += 30_000;
      expect((await pagerDutyGet(simulator.url, '/teams')).status).toBe(200);
    });

    it('can omit the ratelimit headers, as PagerDuty sometimes does', async () => {
      const simulator = await start({
        rateLimitPerMinute: 1,
        rateLimitHeaders: false,
      });
      await pagerDutyGet(simulator.url, '/teams');
      const limited = await pagerDutyGet(simulator.url, '/teams');
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe(2020);
      expect(
        [...limited.headers.keys()].filter(h => h.startsWith('ratelimit')),
      ).toEqual([]);
    });
  });

  describe('one user', () => {
    it('answers GET /users/{id} with the same user as the list, contact methods when included', async () => {
      const simulator = await start();
      const list = await pagerDutyGet(
        simulator.url,
        '/users?include[]=contact_methods&limit=1',
      );
      const listed = list.body.users[0];
      const one = await pagerDutyGet(
        simulator.url,
        `/users/${listed.id}?include[]=contact_methods`,
      );
      expect(one.status).toBe(200);
      expect(one.body.user).toEqual(listed);
      expect(one.body.user.contact_methods[0].address).toBeDefined();
      const bare = await pagerDutyGet(simulator.url, `/users/${listed.id}`);
      expect(bare.body.user.contact_methods[0].address).toBeUndefined();
    });
  });

  describe('errors', () => {
    it.each([
      ['/services/PNOSUCH'],
      ['/escalation_policies/PENOPE1'],
      ['/users/PNOUSER'],
      ['/incidents/QNOPE/log_entries'],
      ['/schedules'],
    ])('answers 404 for %s', async path => {
      const simulator = await start();
      const res = await pagerDutyGet(simulator.url, path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: { message: 'Not Found', code: 2100 } });
    });

    it.each([
      [
        '/incidents?since=2025-01-01T00:00:00Z&until=2025-08-01T00:00:00Z',
        /6 months/,
      ],
      [
        '/incidents?since=2025-02-01T00:00:00Z&until=2025-01-01T00:00:00Z',
        /before since/,
      ],
      ['/incidents?statuses[]=open', /Status must be a list/],
      ['/incidents?since=yesterday', /since/],
      ['/incidents?date_range=week', /date_range/],
      ['/incidents?sort_by=title:asc', /sort_by/],
      [
        '/oncalls?since=2026-03-01T00:00:00Z&until=2026-06-30T00:00:00Z',
        /90 days/,
      ],
      ['/services?include[]=everything', /include/],
      [
        '/services?include[]=auto_pause_notifications_parameters',
        /not rendered by the simulator/,
      ],
      ['/users?time_zone=Mars/Olympus', /time_zone/],
      ['/services?sort_by=created_at', /sort_by/],
    ])('answers 400 Invalid Input Provided for %s', async (path, reason) => {
      const simulator = await start();
      const res = await pagerDutyGet(simulator.url, path);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 2001,
        message: 'Invalid Input Provided',
      });
      expect(res.body.error.errors.join(' ')).toMatch(reason);
    });

    it('accepts a six-month incident window and date_range=all', async () => {
      const simulator = await start();
      expect(
        (
          await pagerDutyGet(
            simulator.url,
            '/incidents?since=2025-09-11T10:00:00Z&until=2026-03-11T10:00:00Z',
          )
        ).status,
      ).toBe(200);
      expect(
        (
          await pagerDutyGet(
            simulator.url,
            '/incidents?date_range=all&since=2000-01-01',
          )
        ).status,
      ).toBe(200);
    });
  });

  it('renders timestamps in the requested time zone', async () => {
    const simulator = await start();
    const res = await pagerDutyGet(
      simulator.url,
      '/oncalls?escalation_policy_ids[]=PEPLT01&time_zone=America/New_York',
    );
    expect(res.body.oncalls[0].end).toBe('2026-03-11T18:00:00-04:00');
  });

  describe('failure modes', () => {
    it('down: destroys the connection, while the control endpoint keeps working', async () => {
      const simulator = await start();
      const set = await fetch(`${simulator.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({ failure: 'down' }),
      });
      expect(set.status).toBe(200);
      await expect(pagerDutyGet(simulator.url, '/services')).rejects.toThrow();
      const stats = await (await fetch(`${simulator.url}/__stats`)).json();
      expect(stats.failuresInjected).toBe(1);
      await fetch(`${simulator.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({ failure: null }),
      });
      expect((await pagerDutyGet(simulator.url, '/services')).status).toBe(200);
    });

    it('status500: answers 500 with an error body', async () => {
      const simulator = await start({ failure: 'status500' });
      const res = await pagerDutyGet(simulator.url, '/services');
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe(2000);
    });

    it('hang: never answers, and close() still returns', async () => {
      const simulator = await start({ failure: 'hang' });
      await expect(
        pagerDutyGet(simulator.url, '/services', {
          signal: AbortSignal.timeout(300),
        }),
      ).rejects.toThrow(/timeout|aborted/i);
      await simulator.close();
    });

    it('truncatedJson: 200 with a JSON content type and half a body', async () => {
      const simulator = await start({ failure: 'truncatedJson' });
      const res = await pagerDutyGet(simulator.url, '/services');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.text.startsWith('{"services":[')).toBe(true);
      expect(res.body).toBeUndefined();
    });

    it('html200: 200 with an HTML page', async () => {
      const simulator = await start({ failure: 'html200' });
      const res = await pagerDutyGet(simulator.url, '/services');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.text).toMatch(/^<!DOCTYPE html>/);
    });

    it('endlessMore: claims more even past the last record', async () => {
      const simulator = await start({ failure: 'endlessMore' });
      const last = await pagerDutyGet(simulator.url, '/services?offset=10');
      expect(last.body.services).toHaveLength(1);
      expect(last.body.more).toBe(true);
      const beyond = await pagerDutyGet(simulator.url, '/services?offset=500');
      expect(beyond.body).toMatchObject({ services: [], more: true });
    });

    it('can fail only some paths, a number of times, then recover', async () => {
      const simulator = await start();
      simulator.control.setFailure({
        mode: 'status500',
        paths: ['/oncalls'],
        times: 2,
      });
      expect((await pagerDutyGet(simulator.url, '/services')).status).toBe(200);
      expect((await pagerDutyGet(simulator.url, '/oncalls')).status).toBe(500);
      expect((await pagerDutyGet(simulator.url, '/oncalls')).status).toBe(500);
      expect((await pagerDutyGet(simulator.url, '/oncalls')).status).toBe(200);
    });

    it('reassigns a service to another escalation policy, as an edit in PagerDuty would', async () => {
      const simulator = await start();
      const before = await pagerDutyGet(simulator.url, '/services/PAPIGW1');
      expect(before.body.service.escalation_policy.id).toBe('PEPLT01');
      const res = await fetch(`${simulator.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({
          reassignService: {
            serviceId: 'PAPIGW1',
            escalationPolicyId: 'PEMSH01',
          },
        }),
      });
      expect(res.status).toBe(200);
      const after = await pagerDutyGet(simulator.url, '/services/PAPIGW1');
      expect(after.body.service.escalation_policy.id).toBe('PEMSH01');
      // The other services of the old policy are untouched.
      const other = await pagerDutyGet(simulator.url, '/services/PAUTHSV');
      expect(other.body.service.escalation_policy.id).toBe('PEPLT01');
      expect(() =>
        simulator.control.apply({
          reassignService: {
            serviceId: 'PNOPE00',
            escalationPolicyId: 'PEMSH01',
          },
        }),
      ).toThrow(/reassignService.serviceId: no service PNOPE00/);
    });

    it('rejects an unknown failure mode on the control endpoint', async () => {
      const simulator = await start();
      const res = await fetch(`${simulator.url}/__control`, {
        method: 'POST',
        body: JSON.stringify({ failure: 'explode' }),
      });
      expect(res.status).toBe(400);
      expect(() => simulator.control.apply({ rateLimitPerMinute: -1 })).toThrow(
        /rateLimitPerMinute/,
      );
    });
  });

  it('counts requests by path and operation', async () => {
    const simulator = await start();
    await pagerDutyGet(simulator.url, '/services/PCHKOUT');
    await pagerDutyGet(simulator.url, '/services/PSEARCH');
    await pagerDutyGet(simulator.url, '/services');
    const stats = simulator.control.stats();
    expect(stats.totalRequests).toBe(3);
    expect(stats.byPath).toEqual({
      '/services/PCHKOUT': 1,
      '/services/PSEARCH': 1,
      '/services': 1,
    });
    expect(stats.byOperation).toEqual({
      'GET /services/{id}': 2,
      'GET /services': 1,
    });
    expect(stats.byStatus).toEqual({ '200': 3 });
    simulator.control.resetStats();
    expect(simulator.control.stats().totalRequests).toBe(0);
  });

  it('serves another fleet and clock when told to', async () => {
    const simulator = await start();
    simulator.control.setFleet(generatedFleet({ services: 3, now: NOW }));
    const res = await pagerDutyGet(simulator.url, '/services?total=true');
    expect(res.body.total).toBe(3);
    simulator.control.setClock(new Date('2026-03-11T23:00:00Z'));
    expect(simulator.control.now().toISOString()).toBe(
      '2026-03-11T23:00:00.000Z',
    );
  });
});
