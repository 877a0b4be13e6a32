import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { OnCallSourceError } from '@preflight/plugin-reliability-node';
import type {
  EntityReliabilitySummary,
  RefreshEntityResponse,
  SourcesHealthResponse,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { makeService, makeSnapshot } from '../__testUtils__/snapshotFixtures';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
  testEntities,
} from '../__testUtils__/startReliabilityTestBackend';

const base = '/api/reliability';
const summaryOf = (name: string) =>
  `${base}/entities/component/default/${name}/summary`;
const refreshOf = (name: string) =>
  `${base}/entities/component/default/${name}/refresh`;

describe('reliability router', () => {
  let backend: ReliabilityTestBackend;

  beforeEach(async () => {
    backend = await startReliabilityTestBackend();
    backend.provider.snapshot = makeSnapshot(['PCHKOUT', 'PLEDGER', 'PPAYGW1']);
  });

  afterEach(async () => {
    await backend.stop();
  });

  describe('authentication', () => {
    it.each([
      ['GET', `${base}/health`],
      ['GET', summaryOf('checkout-api')],
      ['POST', refreshOf('checkout-api')],
    ])('rejects %s %s without credentials', async (method, path) => {
      const res = await request(backend.server)
        [method === 'GET' ? 'get' : 'post'](path)
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      expect(backend.provider.syncService).not.toHaveBeenCalled();
    });

    async function refusedRefreshEvent(authorization: string) {
      const res = await request(backend.server)
        .post(refreshOf('checkout-api'))
        .set('Authorization', authorization);
      expect(backend.auditor.createEvent).toHaveBeenCalledTimes(1);
      expect(backend.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'entity-refresh',
          meta: expect.objectContaining({
            entityRef: 'component:default/checkout-api',
          }),
        }),
      );
      const event = await backend.auditor.createEvent.mock.results[0].value;
      expect(event.success).not.toHaveBeenCalled();
      return { status: res.status, event };
    }

    it('audits a refresh by a service token (403) as failed, with the reason', async () => {
      const { status, event } = await refusedRefreshEvent(
        mockCredentials.service.header(),
      );
      expect(status).toBe(403);
      expect(event.fail).toHaveBeenCalledWith({
        error: expect.objectContaining({ name: 'NotAllowedError' }),
        meta: { reason: expect.stringContaining('only users may refresh') },
      });
    });

    it('audits a refresh without credentials (401) as failed when the request reaches the plugin', async () => {
      // With the default auth policy Backstage answers 401 before any plugin
      // code runs; with it disabled the plugin itself refuses, and audits.
      await backend.stop();
      backend = await startReliabilityTestBackend({
        config: {
          backend: { auth: { dangerouslyDisableDefaultAuthPolicy: true } },
        },
      });
      const { status, event } = await refusedRefreshEvent(
        mockCredentials.none.header(),
      );
      expect(status).toBe(401);
      expect(event.fail).toHaveBeenCalledWith({
        error: expect.objectContaining({ name: 'AuthenticationError' }),
        meta: { reason: expect.stringContaining('no valid credentials') },
      });
    });

    it('lets a service read but not refresh', async () => {
      const read = await request(backend.server)
        .get(summaryOf('checkout-api'))
        .set('Authorization', mockCredentials.service.header());
      expect(read.status).toBe(200);

      const refresh = await request(backend.server)
        .post(refreshOf('checkout-api'))
        .set('Authorization', mockCredentials.service.header());
      expect(refresh.status).toBe(403);
      expect(backend.provider.syncService).not.toHaveBeenCalled();
    });
  });

  describe('validation', () => {
    it.each([
      ['name', `${base}/entities/component/default/${'x'.repeat(64)}/summary`],
      ['name', `${base}/entities/component/default/-leading-dash/summary`],
      ['kind', `${base}/entities/comp_onent/default/checkout-api/summary`],
      ['namespace', `${base}/entities/component/de.fault/checkout-api/summary`],
    ])('rejects a bad %s with 400 naming the field', async (field, path) => {
      const res = await request(backend.server).get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(`${field}:`);
    });

    it('rejects a bad name on refresh before any upstream call', async () => {
      const res = await request(backend.server).post(
        `${base}/entities/component/default/${'x'.repeat(64)}/refresh`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('name: name must be at most 63');
      expect(backend.provider.syncService).not.toHaveBeenCalled();
    });

    it('answers 404 for an entity that is not in the catalog', async () => {
      const res = await request(backend.server).get(summaryOf('no-such-thing'));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain(
        'component:default/no-such-thing',
      );
    });
  });

  describe('entity summary', () => {
    it('is awaiting sync before the source has ever synced', async () => {
      const res = await request(backend.server).get(summaryOf('checkout-api'));
      expect(res.status).toBe(200);
      const summary: EntityReliabilitySummary = res.body;
      expect(summary.onCall).toEqual({
        state: 'awaiting-sync',
        sourceId: 'pagerduty:default',
        serviceId: 'PCHKOUT',
      });
      expect(summary.sources).toEqual([
        expect.objectContaining({
          id: 'pagerduty:default',
          lastSuccessAt: null,
          stale: false,
        }),
      ]);
    });

    it('shows who is on call, the escalation path, incidents, owner and runbooks', async () => {
      await backend.syncNow();
      const res = await request(backend.server).get(summaryOf('checkout-api'));
      expect(res.status).toBe(200);
      const summary: EntityReliabilitySummary = res.body;

      expect(summary.entityRef).toBe('component:default/checkout-api');
      expect(summary.owner).toEqual({
        entityRef: 'group:default/team-payments',
        title: 'Payments',
        exists: true,
      });
      expect(summary.onCall.state).toBe('ok');
      expect(summary.onCall.service).toEqual(makeService('PCHKOUT'));
      const levels = summary.onCall.escalationPolicy!.levels;
      expect(summary.onCall.escalationPolicy!.name).toBe('Payments escalation');
      expect(levels.map(l => l.level)).toEqual([1, 2]);
      expect(levels[0].onCallNow.map(a => a.person.name)).toEqual(['Alice']);
      expect(levels[0].nextHandoff?.onCall.map(a => a.person.name)).toEqual([
        'Bob',
      ]);
      expect(levels[1].onCallNow).toEqual([
        expect.objectContaining({ start: null, end: null }),
      ]);
      expect(summary.onCall.incidents).toEqual(
        expect.objectContaining({ total: 7, mttaSeconds: 240 }),
      );
      expect(summary.runbooks).toEqual([
        {
          title: 'Checkout runbook',
          url: 'https://runbooks.example.com/checkout',
          origin: 'entity-link',
        },
      ]);
      expect(summary.sources).toEqual([
        expect.objectContaining({
          id: 'pagerduty:default',
          stale: false,
          lastError: null,
        }),
      ]);
      expect(summary.sources[0].ageSeconds).toBeGreaterThanOrEqual(0);
      expect(summary.problems).toEqual([]);
    });

    it('says when an entity has no on-call annotation', async () => {
      await backend.syncNow();
      const res = await request(backend.server).get(
        summaryOf('fraud-detector'),
      );
      expect(res.body.onCall).toEqual({ state: 'not-configured' });
      expect(res.body.sources).toEqual([]);
      expect(res.body.problems).toEqual([]);
    });

    it('reports a malformed annotation as a problem naming the field', async () => {
      await backend.syncNow();
      const res = await request(backend.server).get(
        summaryOf('metrics-pipeline'),
      );
      const summary: EntityReliabilitySummary = res.body;
      expect(summary.onCall.state).toBe('malformed');
      expect(summary.onCall.problem).toEqual(
        expect.objectContaining({
          entityRef: 'component:default/metrics-pipeline',
          field: 'metadata.annotations["pagerduty.com/service-id"]',
        }),
      );
      expect(summary.onCall.problem!.message).toContain('PMETRIC');
      expect(summary.problems).toEqual([summary.onCall.problem]);
    });

    it('reports a service id the synced source does not know', async () => {
      await backend.syncNow();
      const res = await request(backend.server).get(summaryOf('build-runner'));
      const summary: EntityReliabilitySummary = res.body;
      expect(summary.onCall.state).toBe('unknown-service');
      expect(summary.onCall.serviceId).toBe('PNOSUCH');
      expect(summary.onCall.problem).toEqual(
        expect.objectContaining({
          field: 'metadata.annotations["pagerduty.com/service-id"]',
        }),
      );
      expect(summary.onCall.problem!.message).toContain('PNOSUCH');
      expect(summary.onCall.problem!.message).toContain('pagerduty:default');
      expect(summary.problems).toEqual([summary.onCall.problem]);
    });

    it('shows a service a too-long listing could not reach as not synced yet, never as unknown', async () => {
      // PSEARCH was not reached; PNOSUCH was looked up and does not exist.
      backend.provider.snapshot.incompleteServices = {
        confirmedMissing: ['PNOSUCH'],
      };
      await backend.syncNow();

      const unreached = (
        await request(backend.server).get(summaryOf('search-api'))
      ).body as EntityReliabilitySummary;
      expect(unreached.onCall.state).toBe('awaiting-sync');
      expect(unreached.onCall.serviceId).toBe('PSEARCH');
      expect(unreached.onCall.notSyncedReason).toContain(
        'service PSEARCH was not reached yet',
      );
      expect(unreached.problems).toEqual([]);

      const missing = (
        await request(backend.server).get(summaryOf('build-runner'))
      ).body as EntityReliabilitySummary;
      expect(missing.onCall.state).toBe('unknown-service');

      // The sync could ask the catalog which ids are annotated for it.
      const [, options] = backend.provider.syncSource.mock.calls[0];
      expect((await options.annotatedServiceIds!()).sort()).toEqual([
        'PCHKOUT',
        'PLEDGER',
        'PNOSUCH',
        'PPAYGW1',
        'PSEARCH',
      ]);
    });

    it('reports an owner that is not in the catalog', async () => {
      await backend.stop();
      backend = await startReliabilityTestBackend({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'orphan', namespace: 'default' },
            spec: { type: 'service', owner: 'group:default/ghosts' },
          },
        ],
      });
      const res = await request(backend.server).get(summaryOf('orphan'));
      expect(res.body.owner).toEqual({
        entityRef: 'group:default/ghosts',
        exists: false,
      });
      expect(res.body.problems).toEqual([
        expect.objectContaining({ field: 'spec.owner' }),
      ]);
    });

    it('makes no upstream call: providers are only asked to locate services', async () => {
      await backend.syncNow();
      jest.clearAllMocks();

      for (const entity of testEntities.filter(e => e.kind === 'Component')) {
        const res = await request(backend.server).get(
          summaryOf(entity.metadata.name),
        );
        expect(res.status).toBe(200);
      }
      await request(backend.server).get(`${base}/health`).expect(200);

      expect(backend.provider.locateService).toHaveBeenCalled();
      expect(backend.provider.syncSource).not.toHaveBeenCalled();
      expect(backend.provider.syncService).not.toHaveBeenCalled();
      expect(backend.provider.listSources).not.toHaveBeenCalled();
    });

    it('keeps serving last-known on-call data, marked stale, after a failed sync', async () => {
      await backend.syncNow();
      backend.provider.failWith = new Error('PagerDuty answered 503');
      await backend.syncNow();

      const res = await request(backend.server).get(summaryOf('checkout-api'));
      const summary: EntityReliabilitySummary = res.body;
      expect(summary.onCall.state).toBe('ok');
      expect(
        summary.onCall.escalationPolicy!.levels[0].onCallNow[0].person.name,
      ).toBe('Alice');
      expect(summary.sources).toEqual([
        expect.objectContaining({
          stale: true,
          lastError: 'PagerDuty answered 503',
        }),
      ]);
      expect(summary.sources[0].errorSince).not.toBeNull();
      expect(summary.sources[0].lastSuccessAt).not.toBeNull();
    });
  });

  describe('a 100 kB annotation', () => {
    const huge = 'P'.repeat(100_000);
    beforeEach(async () => {
      await backend.stop();
      backend = await startReliabilityTestBackend({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'pasted-a-file',
              namespace: 'default',
              annotations: { 'pagerduty.com/service-id': huge },
            },
            spec: { type: 'service', owner: 'group:default/ghosts' },
          },
        ],
      });
    });

    it('is echoed only by its start in the summary', async () => {
      const res = await request(backend.server).get(summaryOf('pasted-a-file'));
      expect(res.status).toBe(200);
      expect(res.body.onCall.state).toBe('malformed');
      expect(res.body.onCall.problem.message).toContain('(100000 characters)');
      expect(res.text.length).toBeLessThan(5_000);
    });

    it('is echoed only by its start in the refresh error and its audit event', async () => {
      const res = await request(backend.server).post(
        refreshOf('pasted-a-file'),
      );
      expect(res.status).toBe(400);
      expect(res.text.length).toBeLessThan(2_000);
      const event = await backend.auditor.createEvent.mock.results[0].value;
      const [{ error }] = event.fail.mock.calls[0];
      expect(error.message.length).toBeLessThan(500);
    });
  });

  describe('sources health', () => {
    it('lists every source, with its error after a failed sync', async () => {
      const before = await request(backend.server).get(`${base}/health`);
      expect(before.status).toBe(200);
      expect((before.body as SourcesHealthResponse).sources).toEqual([
        {
          id: 'pagerduty:default',
          type: 'pagerduty',
          displayName: 'PagerDuty (default)',
          lastAttemptAt: null,
          lastSuccessAt: null,
          lastError: null,
          errorSince: null,
          stale: false,
          ageSeconds: null,
          warnings: [],
        },
      ]);

      backend.provider.snapshot.warnings = ['1 schedule could not be read'];
      await backend.syncNow();
      backend.provider.failWith = new Error('connect ECONNREFUSED');
      await backend.syncNow();

      const after = await request(backend.server).get(`${base}/health`);
      const [source] = (after.body as SourcesHealthResponse).sources;
      expect(source).toEqual(
        expect.objectContaining({
          lastError: 'connect ECONNREFUSED',
          stale: true,
          warnings: ['1 schedule could not be read'],
        }),
      );
      expect(source.lastSuccessAt).not.toBeNull();
      expect(source.errorSince).toBe(source.lastAttemptAt);
    });
  });

  describe('refresh', () => {
    beforeEach(async () => {
      await backend.syncNow();
      // Upstream changed since the scheduled sync.
      backend.provider.snapshot.services[0] = makeService('PCHKOUT', {
        name: 'checkout-api (renamed upstream)',
      });
      jest.clearAllMocks();
    });

    it('is forbidden when the permission policy denies it', async () => {
      backend.permissions.authorize.mockResolvedValue([
        { result: AuthorizeResult.DENY },
      ]);
      const res = await request(backend.server)
        .post(refreshOf('checkout-api'))
        .set('Authorization', mockCredentials.user.header('user:default/eve'));

      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(backend.permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'reliability.entity.refresh',
            }),
            resourceRef: 'component:default/checkout-api',
          },
        ],
        expect.anything(),
      );
      expect(backend.provider.syncService).not.toHaveBeenCalled();
      const event = await backend.auditor.createEvent.mock.results[0].value;
      expect(event.fail).toHaveBeenCalled();
      expect(event.success).not.toHaveBeenCalled();
    });

    it('reads the service upstream, stores it and audits who did it', async () => {
      const res = await request(backend.server)
        .post(refreshOf('checkout-api'))
        .set('Authorization', mockCredentials.user.header('user:default/alice'))
        // The actor comes from the credentials; a body claiming otherwise is ignored.
        .send({ actorRef: 'user:default/mallory' });

      expect(res.status).toBe(200);
      const body: RefreshEntityResponse = res.body;
      expect(body.summary.onCall.service?.name).toBe(
        'checkout-api (renamed upstream)',
      );
      expect(backend.provider.syncService).toHaveBeenCalledWith(
        'pagerduty:default',
        'PCHKOUT',
        expect.objectContaining({ signal: expect.any(AbortSignal) }),
      );
      expect(backend.provider.syncSource).not.toHaveBeenCalled();

      // Stored: a plain read now shows the refreshed data.
      const read = await request(backend.server).get(summaryOf('checkout-api'));
      expect(read.body.onCall.service.name).toBe(
        'checkout-api (renamed upstream)',
      );

      expect(backend.auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'entity-refresh',
          meta: { entityRef: 'component:default/checkout-api' },
        }),
      );
      const event = await backend.auditor.createEvent.mock.results[0].value;
      expect(event.success).toHaveBeenCalledWith({
        meta: {
          entityRef: 'component:default/checkout-api',
          actorRef: 'user:default/alice',
          sourceId: 'pagerduty:default',
          serviceId: 'PCHKOUT',
        },
      });
    });

    it('keeps the known contact methods of an on-call person the source could not read', async () => {
      const fresh = structuredClone(backend.provider.snapshot);
      const policy = fresh.policies.find(p => p.id === 'PEPAY01')!;
      for (const shift of policy.shifts) {
        if (shift.level === 1) {
          shift.user = { ...shift.user, contactMethods: [] };
        }
      }
      backend.provider.syncService.mockImplementationOnce(async () => ({
        services: fresh.services.filter(s => s.id === 'PCHKOUT'),
        policies: [policy],
        incidentStats: [],
        warnings: [],
        // Alice's lookup failed (404); Bob was read and has no contact methods left.
        unreadPeople: ['PUALICE'],
      }));

      const res = await request(backend.server).post(refreshOf('checkout-api'));
      expect(res.status).toBe(200);

      const read = await request(backend.server).get(summaryOf('checkout-api'));
      const [level1] = (read.body as EntityReliabilitySummary).onCall
        .escalationPolicy!.levels;
      expect(level1.onCallNow[0].person.name).toBe('Alice');
      expect(level1.onCallNow[0].person.contactMethods).toEqual([
        { type: 'email', address: 'alice@example.com' },
        { type: 'phone', address: '+1 555 0100' },
      ]);
      expect(level1.nextHandoff!.onCall[0].person.name).toBe('Bob');
      expect(level1.nextHandoff!.onCall[0].person.contactMethods).toEqual([]);
    });

    it('allows one refresh per entity per interval, with Retry-After', async () => {
      const first = await request(backend.server).post(
        refreshOf('checkout-api'),
      );
      expect(first.status).toBe(200);

      const second = await request(backend.server)
        .post(refreshOf('checkout-api'))
        .set('Authorization', mockCredentials.user.header('user:default/bob'));
      expect(second.status).toBe(429);
      const retryAfter = Number(second.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect(second.body.error.message).toContain(
        'component:default/checkout-api was refreshed less than 30 s ago',
      );
      expect(backend.provider.syncService).toHaveBeenCalledTimes(1);
    });

    it('limits how many refreshes one user makes per minute', async () => {
      await backend.stop();
      backend = await startReliabilityTestBackend({
        config: { reliability: { refresh: { perUserPerMinute: 2 } } },
      });
      backend.provider.snapshot = makeSnapshot([
        'PCHKOUT',
        'PLEDGER',
        'PPAYGW1',
      ]);
      await backend.syncNow();
      const alice = mockCredentials.user.header('user:default/alice');

      for (const name of ['checkout-api', 'ledger-service']) {
        await request(backend.server)
          .post(refreshOf(name))
          .set('Authorization', alice)
          .expect(200);
      }
      const third = await request(backend.server)
        .post(refreshOf('payments-gateway'))
        .set('Authorization', alice);
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
      expect(third.body.error.message).toContain('the limit is 2 per minute');

      // Another user is not affected.
      await request(backend.server)
        .post(refreshOf('payments-gateway'))
        .set('Authorization', mockCredentials.user.header('user:default/bob'))
        .expect(200);
    });

    it('refuses an entity without an on-call service', async () => {
      const res = await request(backend.server).post(
        refreshOf('fraud-detector'),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(
        'it has no on-call service annotation',
      );
      expect(backend.provider.syncService).not.toHaveBeenCalled();
    });

    it.each([
      [
        'a service the source does not have',
        new OnCallSourceError({
          reason: 'not-found',
          message:
            'PagerDuty account "default": GET /services/PCHKOUT found nothing (HTTP 404)',
          fix: 'Copy the id from the service\'s PagerDuty URL into "pagerduty.com/service-id".',
        }),
        422,
        /names service PCHKOUT, which PagerDuty \(default\) does not have.*pagerduty\.com\/service-id/,
      ],
      [
        'a refused token',
        new OnCallSourceError({
          reason: 'auth',
          message:
            'PagerDuty account "default": GET /services/PCHKOUT was refused (HTTP 401)',
          fix: 'Check the API token of PagerDuty account "default" (reliability.pagerduty.accounts).',
        }),
        502,
        /PagerDuty account "default".*reliability\.pagerduty\.accounts/,
      ],
      [
        'an unusable answer',
        new OnCallSourceError({
          reason: 'bad-response',
          message: 'returned text/html instead of JSON',
        }),
        502,
        /text\/html/,
      ],
      [
        'an outage',
        new OnCallSourceError({
          reason: 'unavailable',
          message: 'failed with HTTP 500',
        }),
        503,
        /HTTP 500.*last-known data is still shown/,
      ],
      [
        'a timeout',
        new DOMException(
          'The operation was aborted due to timeout',
          'TimeoutError',
        ),
        503,
        /timed out/,
      ],
    ])(
      'answers %s with the status that says whose problem it is',
      async (_case, error, status, message) => {
        backend.provider.failWith = error;
        const res = await request(backend.server).post(
          refreshOf('checkout-api'),
        );
        expect(res.status).toBe(status);
        expect(res.body.error.message).toMatch(message);
        const event = await backend.auditor.createEvent.mock.results[0].value;
        expect(event.fail).toHaveBeenCalled();
      },
    );

    it('passes a source rate limit on as 429 with Retry-After', async () => {
      backend.provider.failWith = new OnCallSourceError({
        reason: 'rate-limited',
        message: 'still rate limited (HTTP 429)',
        retryAfterSeconds: 42,
      });
      const res = await request(backend.server).post(refreshOf('checkout-api'));
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe('42');
      expect(res.body.error.message).toContain('rate limiting');
    });

    it("answers a rate limit that names no wait with the provider's window, and with no wait when it has none", async () => {
      backend.provider.failWith = new OnCallSourceError({
        reason: 'rate-limited',
        message: 'still rate limited (HTTP 429)',
      });
      const unknown = await request(backend.server).post(
        refreshOf('checkout-api'),
      );
      expect(unknown.status).toBe(429);
      expect(unknown.body.error.message).toContain('is rate limiting requests');
      expect(unknown.headers['retry-after']).toBeUndefined();

      Object.assign(backend.provider, { rateLimitWindowSeconds: 15 });
      const known = await request(backend.server).post(
        refreshOf('ledger-service'),
      );
      expect(known.status).toBe(429);
      // The source's rate limit, not the backend's own refresh limit.
      expect(known.body.error.message).toContain('is rate limiting requests');
      expect(known.headers['retry-after']).toBe('15');
    });

    it('answers 503 and keeps the stored data when the source fails', async () => {
      backend.provider.failWith = new Error('PagerDuty answered 502');
      const res = await request(backend.server).post(refreshOf('checkout-api'));
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('PagerDuty answered 502');

      const read = await request(backend.server).get(summaryOf('checkout-api'));
      expect(read.body.onCall.service.name).toBe('service PCHKOUT');
    });
  });
});
