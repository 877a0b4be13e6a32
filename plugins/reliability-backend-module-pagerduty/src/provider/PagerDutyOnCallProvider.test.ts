import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { PagerDutyModuleConfig } from '../config/PagerDutyModuleConfig';
import { isOnCallSourceError } from '@preflight/plugin-reliability-node';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

const config: PagerDutyModuleConfig = {
  accounts: [
    {
      id: 'default',
      baseUrl: 'https://api.pagerduty.com',
      token: 'token-one',
      tokenType: 'token',
      requestsPerMinute: 960,
      requestTimeoutMs: 30_000,
      displayName: 'PagerDuty (default)',
    },
    {
      id: 'eu',
      baseUrl: 'https://api.eu.pagerduty.com',
      token: 'token-two',
      tokenType: 'token',
      requestsPerMinute: 960,
      requestTimeoutMs: 30_000,
      displayName: 'PagerDuty EU',
    },
  ],
  defaultAccount: 'default',
  sync: {
    onCallHorizonDays: 7,
    onCallLookbackDays: 7,
    incidentWindowDays: 90,
    onCallBatchSize: 50,
  },
};

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

describe('PagerDutyOnCallProvider', () => {
  const provider = new PagerDutyOnCallProvider({
    config,
    logger: mockServices.logger.mock(),
  });

  it('lists one source per account', () => {
    expect(provider.type).toBe('pagerduty');
    expect(provider.listSources()).toEqual([
      {
        id: 'pagerduty:default',
        type: 'pagerduty',
        displayName: 'PagerDuty (default)',
      },
      { id: 'pagerduty:eu', type: 'pagerduty', displayName: 'PagerDuty EU' },
    ]);
  });

  it('maps a service id to the default account', () => {
    expect(
      provider.locateService(
        component('checkout-api', { 'pagerduty.com/service-id': 'PCHKOUT' }),
      ),
    ).toEqual({ sourceId: 'pagerduty:default', serviceId: 'PCHKOUT' });
  });

  it('maps a service id to the account the annotation names', () => {
    expect(
      provider.locateService(
        component('billing', {
          'pagerduty.com/service-id': 'PBILL01',
          'pagerduty.com/account': 'eu',
        }),
      ),
    ).toEqual({ sourceId: 'pagerduty:eu', serviceId: 'PBILL01' });
  });

  it('reports an account that is not configured, naming the annotation', () => {
    const location = provider.locateService(
      component('billing', {
        'pagerduty.com/service-id': 'PBILL01',
        'pagerduty.com/account': 'apac',
      }),
    );
    expect(location).toEqual({
      problem: {
        entityRef: 'component:default/billing',
        field: 'metadata.annotations["pagerduty.com/account"]',
        message:
          '"apac" is not a configured PagerDuty account (configured: "default", "eu")',
        fix: expect.stringContaining('remove "pagerduty.com/account"'),
      },
    });
  });

  it('reports a pasted URL as a malformed service id', () => {
    const location = provider.locateService(
      component('metrics-pipeline', {
        'pagerduty.com/service-id':
          'https://acme.pagerduty.com/service-directory/PMETRIC',
      }),
    );
    expect(location).toMatchObject({
      problem: {
        entityRef: 'component:default/metrics-pipeline',
        field: 'metadata.annotations["pagerduty.com/service-id"]',
        message: expect.stringContaining('the id is "PMETRIC"'),
      },
    });
  });

  it('tells the backend which annotations to blame and how an owner finds the right id', () => {
    // The backend words its "no such service" and "source not configured"
    // problems with these; the wording is what owners read on the card.
    expect(provider.annotationHints).toEqual({
      serviceIdAnnotation: 'pagerduty.com/service-id',
      sourceAnnotation: 'pagerduty.com/account',
      unknownServiceFix:
        'Copy the id from the service\'s PagerDuty URL (…/service-directory/<id>), or set "pagerduty.com/account" if the service lives in another configured account.',
    });
  });

  it('leaves entities without PagerDuty annotations to other providers', () => {
    expect(provider.locateService(component('fraud-detector'))).toBeUndefined();
  });

  it('reports annotated entities as a configuration problem when no account exists', () => {
    const empty = new PagerDutyOnCallProvider({
      config: { ...config, accounts: [], defaultAccount: undefined },
      logger: mockServices.logger.mock(),
    });
    expect(empty.listSources()).toEqual([]);
    expect(
      empty.locateService(
        component('checkout-api', { 'pagerduty.com/service-id': 'PCHKOUT' }),
      ),
    ).toMatchObject({
      problem: {
        message: expect.stringContaining('no PagerDuty account is configured'),
      },
    });
  });

  it('refuses to sync a source it does not own', async () => {
    await expect(
      provider.syncSource('pagerduty:nope', {
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('No PagerDuty source "pagerduty:nope"');
  });

  describe('refresh failures, as the refresh route needs to tell them apart', () => {
    function failingWith(status: number, headers: Record<string, string> = {}) {
      const requests: string[] = [];
      const failing = new PagerDutyOnCallProvider({
        config,
        logger: mockServices.logger.mock(),
        retry: { maxAttempts: 1, maxRateLimitWaits: 0 },
        fetch: async input => {
          requests.push(String(input));
          return new Response(
            JSON.stringify({ error: { message: 'nope', code: 2100 } }),
            {
              status,
              headers: { 'content-type': 'application/json', ...headers },
            },
          );
        },
      });
      const run = () =>
        failing
          .syncService('pagerduty:default', 'PNOSUCH', {
            signal: new AbortController().signal,
          })
          .catch(e => e);
      return { run, requests };
    }

    it('a 404 is a wrong service id, with the annotation to fix', async () => {
      const error = await failingWith(404).run();
      expect(isOnCallSourceError(error, 'not-found')).toBe(true);
      expect(error.fix).toContain('pagerduty.com/service-id');
      expect(error.fix).toContain('PNOSUCH');
    });

    it.each([401, 403])(
      'a %s is a configuration problem naming the account, never the token',
      async status => {
        const error = await failingWith(status).run();
        expect(isOnCallSourceError(error, 'auth')).toBe(true);
        expect(error.fix).toContain('PagerDuty account "default"');
        expect(`${error.message} ${error.fix}`).not.toContain('token-one');
      },
    );

    it('a 429 carries when to retry, from ratelimit-reset', async () => {
      const error = await failingWith(429, { 'ratelimit-reset': '17' }).run();
      expect(isOnCallSourceError(error, 'rate-limited')).toBe(true);
      expect(error.retryAfterSeconds).toBe(17);
    });

    it("declares PagerDuty's per-minute rate limit, for rate limits that name no wait", () => {
      // The generic backend assumes no provider's window.
      expect(provider.rateLimitWindowSeconds).toBe(60);
    });

    it('a 5xx is the source being unavailable', async () => {
      const error = await failingWith(502).run();
      expect(isOnCallSourceError(error, 'unavailable')).toBe(true);
    });
  });
});
