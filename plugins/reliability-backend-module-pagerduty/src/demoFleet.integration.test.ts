import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { isOnCallSourceError } from '@preflight/plugin-reliability-node';
import {
  type OnCallSnapshot,
  resolveEscalationLevels,
} from '@preflight/plugin-reliability-common';
import {
  type PagerDutySimulator,
  startPagerDutySimulator,
} from '@preflight/demo-fixtures/simulator';
import { createTestClock } from './__testUtils__/createTestClock';
import { readPagerDutyConfig } from './config/readPagerDutyConfig';
import { isPagerDutyError } from './client/PagerDutyError';
import { PagerDutyOnCallProvider } from './provider/PagerDutyOnCallProvider';

// Wednesday 10:00 UTC: alice holds payments primary this week (the weekly
// rotation alice, bob, carol counts from Monday 2024-01-01 09:00; this is
// week 75), carol's override starts at 12:00, and the platform primary's
// nightly gap is ahead.
const NOW = '2025-06-11T10:00:00Z';
const TOKEN = 'sim-token-preflight';
const DAY = 86_400_000;

/** The same instant whatever the ISO spelling (`Z` vs `.000Z`, offsets). */
function instant(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : new Date(iso).toISOString();
}

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-payments',
    },
  };
}

describe('PagerDuty provider against the simulated demo fleet', () => {
  let simulator: PagerDutySimulator;
  let time: ReturnType<typeof createTestClock>;

  beforeEach(async () => {
    // One virtual clock for both sides: rate-limit windows of the simulator
    // roll over exactly when the client's waits say they should.
    time = createTestClock(NOW);
    simulator = await startPagerDutySimulator({
      now: () => new Date(time.now()),
    });
  });

  afterEach(async () => {
    await simulator.close();
  });

  function provider(account: Record<string, unknown> = {}) {
    const config = readPagerDutyConfig(
      new ConfigReader({
        reliability: {
          pagerduty: {
            accounts: [
              {
                id: 'default',
                baseUrl: simulator.url,
                token: TOKEN,
                ...account,
              },
            ],
          },
        },
      }),
    );
    return new PagerDutyOnCallProvider({
      config,
      logger: mockServices.logger.mock(),
      clock: time.clock,
    });
  }

  const sync = (p: PagerDutyOnCallProvider) =>
    p.syncSource('pagerduty:default', { signal: new AbortController().signal });

  function levelsOf(snapshot: OnCallSnapshot, serviceName: string) {
    const service = snapshot.services.find(s => s.name === serviceName)!;
    const policy = snapshot.policies.find(
      p => p.id === service.escalationPolicyId,
    )!;
    return {
      service,
      policy,
      levels: resolveEscalationLevels(policy, new Date(NOW)),
    };
  }

  it('syncs the whole fleet in bulk, as the catalog will show it', async () => {
    const pagerDuty = provider();

    const snapshot = await sync(pagerDuty);

    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.services).toHaveLength(11);
    expect(snapshot.services.map(s => s.id)).not.toContain('PNOSUCH');
    expect(snapshot.policies.map(p => p.id).sort()).toEqual([
      'PEMSH01',
      'PEPAY01',
      'PEPLT01',
      'PESRC01',
    ]);

    // checkout-api: three levels, dana permanently on level 3
    const checkout = levelsOf(snapshot, 'checkout-api');
    expect(checkout.service.teams.map(t => t.name)).toEqual(['team-payments']);
    expect(checkout.levels.map(l => l.level)).toEqual([1, 2, 3]);
    expect(checkout.levels[2].onCallNow).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: 'Dana Diaz' }),
        start: null,
        end: null,
      }),
    ]);
    const primary = checkout.levels[0];
    expect(primary.onCallNow.map(a => a.person.name)).toEqual([
      'Alice Andersen',
    ]);
    expect(primary.onCallNow[0].person.contactMethods).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'email',
          address: 'alice@example.com',
        }),
        expect.objectContaining({ type: 'phone', address: '+1 5550101' }),
      ]),
    );
    // carol's override today 12:00-18:00 is the next handoff
    expect(instant(primary.nextHandoff?.at)).toBe('2025-06-11T12:00:00.000Z');
    expect(primary.nextHandoff?.onCall.map(a => a.person.name)).toEqual([
      'Carol Chen',
    ]);

    // auth-service: somebody now, nobody tonight 22:00-06:00
    const auth = levelsOf(snapshot, 'auth-service');
    expect(auth.levels[0].onCallNow).toHaveLength(1);
    const gap = auth.levels[0].gaps[0];
    expect([instant(gap?.start), instant(gap?.end)]).toEqual([
      '2025-06-11T22:00:00.000Z',
      '2025-06-12T06:00:00.000Z',
    ]);

    // service-mesh: frank, permanently
    const mesh = levelsOf(snapshot, 'service-mesh');
    expect(mesh.levels[0].onCallNow).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ name: 'Frank Fischer' }),
        start: null,
        end: null,
      }),
    ]);
  });

  it('reports incident numbers that match what PagerDuty holds', async () => {
    const snapshot = await sync(provider());
    const nowMs = Date.parse(NOW);
    const truth = simulator.control.fleet().incidents();

    for (const stats of snapshot.incidentStats) {
      const inWindow = truth.filter(
        i =>
          i.serviceId === stats.serviceId && i.createdAtMs >= nowMs - 90 * DAY,
      );
      const acked = inWindow.filter(i => i.acknowledgedAtMs !== null);
      const resolved = inWindow.filter(i => i.resolvedAtMs !== null);
      const mean = (xs: number[]) =>
        xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
      expect({ id: stats.serviceId, total: stats.total }).toEqual({
        id: stats.serviceId,
        total: inWindow.length,
      });
      expect(stats.mttaSeconds).toBeCloseTo(
        mean(acked.map(i => (i.acknowledgedAtMs! - i.createdAtMs) / 1000))!,
        3,
      );
      expect(stats.mttrSeconds).toBeCloseTo(
        mean(resolved.map(i => (i.resolvedAtMs! - i.createdAtMs) / 1000))!,
        3,
      );
    }

    const checkout = snapshot.incidentStats.find(
      s => s.serviceId === 'PCHKOUT',
    )!;
    expect(checkout.total).toBe(15);
    expect(checkout.open).toEqual([
      expect.objectContaining({
        status: 'triggered',
        urgency: 'high',
      }),
    ]);
    expect(instant(checkout.open[0].createdAt)).toBe(
      '2025-06-11T09:20:00.000Z',
    );
    const search = snapshot.incidentStats.find(s => s.serviceId === 'PSEARCH')!;
    expect(search.open).toEqual([
      expect.objectContaining({ status: 'acknowledged', urgency: 'low' }),
    ]);
  });

  it('maps the catalog’s annotations to the simulated account', () => {
    const pagerDuty = provider();
    expect(
      pagerDuty.locateService(
        component('checkout-api', { 'pagerduty.com/service-id': 'PCHKOUT' }),
      ),
    ).toEqual({ sourceId: 'pagerduty:default', serviceId: 'PCHKOUT' });
    expect(
      pagerDuty.locateService(
        component('metrics-pipeline', {
          'pagerduty.com/service-id':
            'https://acme.pagerduty.com/service-directory/PMETRIC',
        }),
      ),
    ).toHaveProperty(
      'problem.field',
      'metadata.annotations["pagerduty.com/service-id"]',
    );
    expect(
      pagerDuty.locateService(component('fraud-detector')),
    ).toBeUndefined();
  });

  it('refreshes one service with the same result as the bulk sync', async () => {
    const pagerDuty = provider();
    const bulk = await sync(pagerDuty);

    const one = await pagerDuty.syncService('pagerduty:default', 'PCHKOUT', {
      signal: new AbortController().signal,
    });

    expect(one.services).toEqual([bulk.services.find(s => s.id === 'PCHKOUT')]);
    expect(one.policies[0].levels).toEqual(
      bulk.policies.find(p => p.id === 'PEPAY01')!.levels,
    );
    expect(one.incidentStats).toEqual([
      bulk.incidentStats.find(s => s.serviceId === 'PCHKOUT'),
    ]);
    // The people on call keep their contact methods (read with GET /users/{id}).
    const contactsOf = (snapshot: typeof one) =>
      new Map(
        snapshot.policies
          .find(p => p.id === 'PEPAY01')!
          .shifts.map(shift => [shift.user.id, shift.user.contactMethods]),
      );
    const refreshed = contactsOf(one);
    expect(refreshed.size).toBeGreaterThan(0);
    for (const [id, methods] of refreshed) {
      expect(methods.length).toBeGreaterThan(0);
      expect(methods).toEqual(contactsOf(bulk).get(id));
    }
    const error = await pagerDuty
      .syncService('pagerduty:default', 'PNOSUCH', {
        signal: new AbortController().signal,
      })
      .catch(e => e);
    expect(isOnCallSourceError(error, 'not-found')).toBe(true);
    expect(isPagerDutyError(error.cause, 'not-found')).toBe(true);
  });

  it('completes under a tight rate limit, with and without rate-limit headers', async () => {
    const pagerDuty = provider();
    simulator.control.setRateLimit({ perMinute: 5, headers: true });
    const withHeaders = await sync(pagerDuty);
    const afterHeaders = pagerDuty.clientStats('pagerduty:default');

    simulator.control.setRateLimit({ perMinute: 5, headers: false });
    simulator.control.resetRateLimits();
    const withoutHeaders = await sync(pagerDuty);
    const afterNoHeaders = pagerDuty.clientStats('pagerduty:default');

    expect(withHeaders.services).toHaveLength(11);
    expect(withoutHeaders.services).toHaveLength(11);
    expect(afterHeaders.rateLimited).toBeGreaterThan(0);
    expect(afterNoHeaders.rateLimited).toBeGreaterThan(
      afterHeaders.rateLimited,
    );
    expect(simulator.control.stats().maxConcurrent).toBe(1);
  });

  it('survives transient failures and reports a dead source clearly', async () => {
    const pagerDuty = provider({ requestTimeoutMs: 200 });

    simulator.control.setFailure({
      mode: 'status500',
      paths: ['/oncalls'],
      times: 2,
    });
    expect((await sync(pagerDuty)).services).toHaveLength(11);
    simulator.control.setFailure({
      mode: 'truncatedJson',
      paths: ['/services'],
      times: 1,
    });
    expect((await sync(pagerDuty)).services).toHaveLength(11);
    simulator.control.setFailure({
      mode: 'html200',
      paths: ['/users'],
      times: 1,
    });
    expect((await sync(pagerDuty)).services).toHaveLength(11);

    simulator.control.setFailure({
      mode: 'endlessMore',
      paths: ['/escalation_policies'],
    });
    const endless = await sync(pagerDuty).catch(e => e);
    expect(isPagerDutyError(endless, 'pagination')).toBe(true);
    expect(endless.message).toContain('GET /escalation_policies');

    simulator.control.setFailure('hang');
    const hung = await sync(pagerDuty).catch(e => e);
    expect(isPagerDutyError(hung, 'unavailable')).toBe(true);
    expect(hung.message).toContain('timed out after 200 ms');

    simulator.control.setFailure(null);
    const wrongToken = provider({ token: 'not-the-simulator-token' });
    const refused = await sync(wrongToken).catch(e => e);
    expect(isPagerDutyError(refused, 'auth')).toBe(true);
    expect(refused.message).toContain('account "default"');
    expect(refused.message).not.toContain('not-the-simulator-token');
  });

  describe('report data', () => {
    const since = Date.parse(NOW) - 365 * DAY;
    const read = (
      p: PagerDutyOnCallProvider,
      window: { since: number; until: number; changedSince?: number },
    ) =>
      p.syncReportData('pagerduty:default', {
        signal: new AbortController().signal,
        since: new Date(window.since),
        until: new Date(window.until),
        ...(window.changedSince
          ? { changedSince: new Date(window.changedSince) }
          : {}),
      });

    it('reads a year of incidents with their timing and who resolved them, change events and level-1 shifts', async () => {
      const pagerDuty = provider();
      await sync(pagerDuty);
      const data = await read(pagerDuty, { since, until: Date.parse(NOW) });
      const fleet = simulator.control.fleet();
      const truth = fleet
        .incidents()
        .filter(i => i.createdAtMs >= since && i.createdAtMs < Date.parse(NOW));

      expect(data.warnings).toEqual([]);
      expect(data.incidents.map(i => i.id).sort()).toEqual(
        truth.map(i => i.id).sort(),
      );
      for (const incident of truth) {
        const fact = data.incidents.find(i => i.id === incident.id)!;
        expect(instant(fact.createdAt)).toBe(
          new Date(incident.createdAtMs).toISOString(),
        );
        expect(
          fact.firstAcknowledgedAt && instant(fact.firstAcknowledgedAt),
        ).toBe(
          incident.acknowledgedAtMs === null
            ? null
            : new Date(incident.acknowledgedAtMs).toISOString(),
        );
        // The resolve log entry's agent: a user, or the service itself.
        expect(fact.autoResolved).toBe(
          incident.resolvedAtMs === null
            ? undefined
            : incident.resolvedByUserId === null,
        );
      }
      expect(data.incidents.some(i => i.autoResolved === true)).toBe(true);

      const changes = fleet.changeEvents!().filter(
        c => c.atMs >= since && c.atMs < Date.parse(NOW),
      );
      expect(changes.length).toBeGreaterThan(100);
      expect(data.changeEvents.map(c => c.id).sort()).toEqual(
        changes.map(c => c.id).sort(),
      );

      // Payments primary rotates weekly: about 52 level-1 shifts a year.
      const payments = data.shifts.filter(s => s.policyId === 'PEPAY01');
      expect(payments.length).toBeGreaterThan(45);
      expect(payments.every(s => s.user.timeZone)).toBe(true);
      expect(pagerDuty.clientStats('pagerduty:default').rateLimited).toBe(0);
      // A year of lists through the virtual clock: slower than the rest.
    }, 60_000);

    it('also reads older incidents whose log moved since the last read', async () => {
      const pagerDuty = provider();
      await sync(pagerDuty);
      const fleet = simulator.control.fleet();
      // An incident created before the window and resolved within it.
      const old = fleet
        .incidents()
        .find(
          i =>
            i.resolvedAtMs !== null &&
            i.resolvedAtMs - i.createdAtMs > 60 * 60_000 &&
            Date.parse(NOW) - i.createdAtMs > 10 * DAY,
        )!;
      const windowStart = old.createdAtMs + 30 * 60_000;
      const data = await read(pagerDuty, {
        since: windowStart,
        until: windowStart + DAY,
        changedSince: windowStart,
      });
      const fact = data.incidents.find(i => i.id === old.id);
      expect(fact).toBeDefined();
      expect(fact!.status).toBe('resolved');
      expect(instant(fact!.resolvedAt!)).toBe(
        new Date(old.resolvedAtMs!).toISOString(),
      );
    });
  });
});
