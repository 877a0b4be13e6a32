import { mockCredentials } from '@backstage/backend-test-utils';
import type {
  DeployGateResponse,
  EntitySlosResponse,
  SloStatusView,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import {
  availabilitySlo,
  makeCatalogDir,
  sloComponent,
} from '../__testUtils__/sloFixtures';
import {
  SloTestBackend,
  startSloTestBackend,
} from '../__testUtils__/startSloTestBackend';

jest.setTimeout(30_000);

const dir = makeCatalogDir({
  'slos/checkout.yaml': [
    availabilitySlo('checkout-healthy'),
    availabilitySlo('checkout-burning'),
  ].join('---\n'),
  'slos/ledger.yaml': availabilitySlo('ledger-exhausted'),
  'slos/search.yaml': [
    availabilitySlo('search-quiet'),
    availabilitySlo('search-broken'),
    availabilitySlo('search-bad-target', { target: 1.5 }),
  ].join('---\n'),
  'slos/fraud.yaml': availabilitySlo('fraud-west', { metricSourceRef: 'west' }),
  'slos/orphan.yaml': availabilitySlo('orphan-nowhere', {
    metricSourceRef: 'nowhere',
  }),
  'slos/billing.yaml': `${availabilitySlo('billing-monthly').replace(
    '    - duration: 30d\n      isRolling: true',
    '    - duration: 1M\n      isRolling: false\n      calendar:\n        startTime: 2024-01-01 00:00:00\n        timeZone: UTC',
  )}  alertPolicies:
    - alertPolicyRef: billing-fast-burn
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata:
  name: billing-fast-burn
spec:
  alertWhenBreaching: true
  conditions:
    - kind: AlertCondition
      metadata:
        name: billing-burn-1h
      spec:
        severity: page
        condition:
          kind: burnrate
          threshold: 14.4
          lookbackWindow: 1h
          alertAfter: 5m
`,
  // The same SLO as a team using Sloth writes it, and as OpenSLO.
  'slos/payments.sloth.yaml': `version: prometheus/v1
service: payments
slos:
  - name: requests-availability
    objective: 99
    sli:
      events:
        error_query: sum(rate(http_requests_total{service="payments",code=~"5.."}[{{.window}}]))
        total_query: sum(rate(http_requests_total{service="payments"}[{{.window}}]))
`,
  'slos/payments.openslo.yaml': `apiVersion: openslo/v1
kind: SLO
metadata:
  name: payments-requests-availability
spec:
  service: payments
  indicator:
    metadata:
      name: payments-requests-availability
    spec:
      ratioMetric:
        counter: true
        bad:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="payments",code=~"5.."}[$window]))
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(rate(http_requests_total{service="payments"}[$window]))
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - targetPercent: 99
`,
});

const entities = [
  sloComponent(
    'checkout-api',
    dir,
    { 'preflight.dev/openslo': 'slos/checkout.yaml' },
    {
      links: [
        { url: 'https://example.com/dashboards', title: 'Dashboard' },
        {
          url: 'https://runbooks.example.com/checkout',
          title: 'Runbook',
          type: 'runbook',
        },
      ],
    },
  ),
  sloComponent('ledger-service', dir, {
    'preflight.dev/openslo': 'slos/ledger.yaml',
  }),
  sloComponent('search-api', dir, {
    'preflight.dev/openslo':
      'slos/search.yaml, ../../etc/passwd, slos/missing.yaml',
  }),
  sloComponent('fraud-detector', dir, {
    'preflight.dev/openslo': 'slos/fraud.yaml',
  }),
  sloComponent('plain-service', dir, {}),
  sloComponent('billing-service', dir, {
    'preflight.dev/openslo': 'slos/billing.yaml',
  }),
  sloComponent('payments-sloth', dir, {
    'preflight.dev/openslo': 'slos/payments.sloth.yaml',
  }),
  sloComponent('payments-openslo', dir, {
    'preflight.dev/openslo': 'slos/payments.openslo.yaml',
  }),
  sloComponent('orphan-service', dir, {
    'preflight.dev/openslo': 'slos/orphan.yaml',
  }),
];

const path = (name: string, route: string) =>
  `/api/reliability/entities/component/default/${name}/${route}`;

describe('SLO routes', () => {
  let backend: SloTestBackend;

  beforeEach(async () => {
    backend = await startSloTestBackend({ entities });
    const { readings } = backend.provider;
    readings.set('component:default/checkout-api/checkout-healthy', {
      good: 9990,
      total: 10000,
    });
    // 0.5% errors over 30 days, but 20% over the last hour: a page.
    readings.set('component:default/checkout-api/checkout-burning', {
      good: 9950,
      total: 10000,
      windows: {
        '5m': { good: 80, total: 100 },
        '1h': { good: 800, total: 1000 },
      },
    });
    // 2% errors against a 1% budget: overspent twice.
    readings.set('component:default/ledger-service/ledger-exhausted', {
      good: 9800,
      total: 10000,
    });
    readings.set('component:default/search-api/search-broken', {
      error: 'search-broken: Prometheus rejected the query (bad_data)',
    });
  });

  afterEach(() => backend.stop());

  const get = (name: string, route: string) =>
    request(backend.server).get(path(name, route));
  const slosOf = async (name: string): Promise<EntitySlosResponse> => {
    const res = await get(name, 'slos');
    expect(res.status).toBe(200);
    return res.body;
  };
  const byId = (body: EntitySlosResponse, id: string): SloStatusView =>
    body.slos.find(slo => slo.id === id)!;

  it('serves a card-sized burn-down that ends at the headline figure, compressed', async () => {
    // 30 days of hourly buckets, as the Prometheus source reads them.
    backend.provider.readings.set(
      'component:default/checkout-api/checkout-healthy',
      { good: 9990, total: 10000, buckets: 720 },
    );
    await backend.syncNow('metrics:east');
    const res = await get('checkout-api', 'slos').set(
      'Accept-Encoding',
      'gzip',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const healthy = byId(res.body, 'checkout-healthy');
    expect(healthy.burnDown.length).toBeGreaterThan(100);
    expect(healthy.burnDown.length).toBeLessThanOrEqual(120);
    expect(healthy.burnDown.at(-1)!.budgetRemaining).toBe(
      healthy.evaluation!.budgetRemaining,
    );
    expect(healthy.burnDown.at(-1)!.timestamp).toBe(healthy.evaluatedAt);
    // Well under 30 kB per SLO even before compression.
    expect(JSON.stringify(healthy).length).toBeLessThan(30_000);
  });

  it('requires credentials on every SLO route', async () => {
    for (const route of ['slos', 'deploy-gate', 'slo-rules']) {
      const res = await get('checkout-api', route).set(
        'Authorization',
        mockCredentials.none.header(),
      );
      expect(res.status).toBe(401);
    }
  });

  it('answers 404 for unknown entities and 400 for malformed references', async () => {
    for (const route of ['slos', 'deploy-gate', 'slo-rules']) {
      expect((await get('ghost', route)).status).toBe(404);
      const bad = await get('-bad-', route);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('name');
    }
  });

  it('shows declared SLOs as awaiting sync before the first measurement', async () => {
    await backend.syncNow('metrics:west');
    const body = await slosOf('checkout-api');
    expect(body.slos.map(slo => [slo.id, slo.state])).toEqual([
      ['checkout-healthy', 'awaiting-sync'],
      ['checkout-burning', 'awaiting-sync'],
    ]);
    expect(body.slos[0].evaluation).toBeUndefined();
    expect(body.slos[0].sourceId).toBe('metrics:east');
    expect(body.sources.map(s => [s.id, s.lastSuccessAt])).toEqual([
      ['metrics:east', null],
    ]);
  });

  it('serves measured SLOs from the store without querying the source', async () => {
    await backend.syncNow('metrics:east');
    const calls = backend.provider.measureSlos.mock.calls.length;
    expect(calls).toBe(1);

    const checkout = await slosOf('checkout-api');
    const healthy = byId(checkout, 'checkout-healthy');
    expect(healthy).toMatchObject({
      state: 'ok',
      displayName: 'checkout-healthy availability',
      file: 'slos/checkout.yaml',
      objective: 0.99,
      window: '30d',
      sourceId: 'metrics:east',
      queryLinks: [
        {
          title: 'Open in metrics',
          url: 'https://metrics:east.test/checkout-healthy',
        },
      ],
      errors: [],
    });
    expect(healthy.evaluation!.attainment).toBeCloseTo(0.999);
    expect(healthy.evaluation!.budgetRemaining).toBeCloseTo(0.9);
    expect(healthy.evaluation!.alerts.state).toBe('ok');
    expect(healthy.burnDown.at(-1)!.budgetRemaining).toBeCloseTo(0.9);
    expect(healthy.evaluatedAt).not.toBeNull();
    expect(byId(checkout, 'checkout-burning').evaluation!.alerts.state).toBe(
      'page',
    );
    expect(checkout.sources).toMatchObject([
      { id: 'metrics:east', lastError: null, stale: false },
    ]);

    const search = await slosOf('search-api');
    expect(byId(search, 'search-quiet').state).toBe('no-data');
    expect(byId(search, 'search-quiet').evaluation!.attainment).toBeNull();
    expect(byId(search, 'search-broken')).toMatchObject({
      state: 'error',
      errors: ['search-broken: Prometheus rejected the query (bad_data)'],
    });
    expect(byId(search, 'search-bad-target')).toBeUndefined();

    // Reads never reach the metrics source.
    expect(backend.provider.measureSlos.mock.calls.length).toBe(calls);
  });

  it('reports problems naming the entity, file, SLO and field', async () => {
    await backend.syncNow('metrics:east');
    const { problems } = await slosOf('search-api');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityRef: 'component:default/search-api',
          file: 'slos/search.yaml',
          sloName: 'search-bad-target',
          field: expect.stringContaining('target'),
        }),
        expect.objectContaining({
          entityRef: 'component:default/search-api',
          file: '../../etc/passwd',
          field: 'metadata.annotations["preflight.dev/openslo"]',
          message: expect.stringContaining('outside the folder'),
        }),
        expect.objectContaining({
          file: 'slos/missing.yaml',
          message: expect.stringContaining('does not exist'),
        }),
      ]),
    );
    // The server's own paths never reach the caller.
    expect(JSON.stringify(problems)).not.toContain(dir);
  });

  it('shows an SLO no source can measure with its configuration problem, not "awaiting sync"', async () => {
    await backend.syncNow('metrics:east');
    await backend.syncNow('metrics:west');
    const body = await slosOf('orphan-service');
    const slo = byId(body, 'orphan-nowhere');
    expect(slo.state).toBe('error');
    expect(slo.errors).toEqual([
      expect.stringContaining('names the unknown instance "nowhere"'),
    ]);
    expect(slo.errors[0]).toContain(
      'field metadata.annotations["preflight.dev/prometheus-instance"]',
    );

    const gate = await get('orphan-service', 'deploy-gate');
    expect(gate.body.decision).toBe('unknown');
    expect(gate.body.reasons).toEqual([
      {
        sloId: 'orphan-nowhere',
        kind: 'slo-invalid',
        message: expect.stringContaining(
          'cannot be measured: component:default/orphan-service: SLO "orphan-nowhere" names the unknown instance "nowhere"',
        ),
      },
    ]);
  });

  it('measures an SLO written for Sloth like the same SLO written in OpenSLO', async () => {
    const reading = {
      good: 9950,
      total: 10000,
      windows: {
        '5m': { good: 80, total: 100 },
        '1h': { good: 800, total: 1000 },
      },
    };
    for (const name of ['payments-sloth', 'payments-openslo']) {
      backend.provider.readings.set(
        `component:default/${name}/payments-requests-availability`,
        reading,
      );
    }
    await backend.syncNow('metrics:east');

    const [sloth, openslo] = await Promise.all([
      slosOf('payments-sloth'),
      slosOf('payments-openslo'),
    ]);
    expect(sloth.problems).toEqual([]);
    expect(openslo.problems).toEqual([]);
    const measured = (body: EntitySlosResponse) =>
      body.slos.map(slo => ({
        id: slo.id,
        state: slo.state,
        objective: slo.objective,
        window: slo.window,
        attainment: slo.evaluation?.attainment,
        budgetRemaining: slo.evaluation?.budgetRemaining,
        alerts: slo.evaluation?.alerts.state,
      }));
    expect(measured(sloth)).toEqual(measured(openslo));
    expect(measured(sloth)).toEqual([
      {
        id: 'payments-requests-availability',
        state: 'ok',
        objective: 0.99,
        window: '30d',
        attainment: 0.995,
        budgetRemaining: 0.5,
        alerts: 'page',
      },
    ]);

    // The source was handed the same queries for both.
    const [, measuredSlos] = backend.provider.measureSlos.mock.calls.at(-1)!;
    const indicators = ['payments-sloth', 'payments-openslo'].map(
      name =>
        measuredSlos.find(slo => slo.entityRef === `component:default/${name}`)!
          .indicator,
    );
    expect(indicators[0]).toEqual(indicators[1]);
  });

  it('gives a calendar-month SLO the month it was measured in and names its alert policy', async () => {
    await backend.syncNow('metrics:west');
    const declared = byId(await slosOf('billing-service'), 'billing-monthly');
    expect(declared).toMatchObject({ window: '1M', rolling: false });
    // Before any measurement: the month in force now.
    expect(declared.windowStart).toBeDefined();

    await backend.syncNow('metrics:east');
    const slo = byId(await slosOf('billing-service'), 'billing-monthly');
    const at = new Date(slo.evaluatedAt!);
    expect(slo.windowStart).toBe(
      new Date(
        Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1),
      ).toISOString(),
    );
    expect(slo.windowEnd).toBe(
      new Date(
        Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1),
      ).toISOString(),
    );
    expect(slo.alertPolicies).toEqual([
      {
        name: 'billing-fast-burn',
        severity: 'page',
        condition: 'burn rate ≥ 14.4 over 1h for 5m',
        notificationTargets: [],
      },
    ]);
    // Rolling windows have no calendar bounds; without alertPolicies the
    // default policy is in force.
    const rolling = byId(await slosOf('checkout-api'), 'checkout-healthy');
    expect(rolling.windowStart).toBeUndefined();
    expect(rolling.alertPolicies).toBeUndefined();
  });

  it('answers an entity without SLOs with empty lists', async () => {
    await backend.syncNow('metrics:east');
    const body = await slosOf('plain-service');
    expect(body).toMatchObject({
      entityRef: 'component:default/plain-service',
      slos: [],
      problems: [],
      sources: [],
    });
  });

  describe('deploy gate', () => {
    beforeEach(() => backend.syncNow('metrics:east'));

    const gate = async (
      name: string,
      header = mockCredentials.user.header(),
    ): Promise<DeployGateResponse> => {
      const res = await get(name, 'deploy-gate').set('Authorization', header);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('blocks while a page-level burn alert fires', async () => {
      const body = await gate('checkout-api');
      expect(body.allowed).toBe(false);
      expect(body.reasons).toEqual([
        expect.objectContaining({
          sloId: 'checkout-burning',
          kind: 'page-alert',
        }),
      ]);
    });

    it('blocks when a budget is exhausted, for CI with a service token', async () => {
      const body = await gate(
        'ledger-service',
        mockCredentials.service.header(),
      );
      expect(body.allowed).toBe(false);
      expect(body.reasons).toEqual([
        expect.objectContaining({
          sloId: 'ledger-exhausted',
          kind: 'budget-exhausted',
          message: expect.stringContaining('-100% left'),
        }),
      ]);
    });

    it('allows when every SLO is measured, fresh and within budget', async () => {
      backend.provider.readings.set(
        'component:default/checkout-api/checkout-burning',
        { good: 9999, total: 10000 },
      );
      await backend.syncNow('metrics:east');
      expect(await gate('checkout-api')).toMatchObject({
        decision: 'allow',
        allowed: true,
        reasons: [],
        unknown: [],
      });
    });

    it('cannot judge SLOs that are broken or unreadable, and says which', async () => {
      const body = await gate('search-api');
      expect(body).toMatchObject({ decision: 'unknown', allowed: false });
      expect(body.reasons.map(r => r.kind)).not.toContain('budget-exhausted');
      expect(body.reasons.map(r => r.sloId)).toEqual(
        expect.arrayContaining(['search-broken', 'search-bad-target']),
      );
      expect(body.unknown.map(u => u.sloId)).toEqual(['search-quiet']);
    });

    it('does not allow a deploy it cannot judge, unless onUnknown says so', async () => {
      const body = await gate('fraud-detector');
      expect(body).toMatchObject({
        decision: 'unknown',
        onUnknown: 'block',
        allowed: false,
      });
      expect(body.reasons).toEqual([
        {
          sloId: 'fraud-west',
          kind: 'slo-not-measured',
          message: expect.stringContaining('not been measured'),
        },
      ]);
    });
  });

  it('exports Prometheus rules with the owner and the first runbook', async () => {
    await backend.syncNow('metrics:east');
    const res = await get('checkout-api', 'slo-rules');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/yaml/);
    const rules = parseYaml(res.text);
    expect(rules.groups.map((g: { name: string }) => g.name)).toEqual([
      'slo-checkout-healthy',
      'slo-checkout-burning',
    ]);
    expect(rules.groups[0].rules[0]).toMatchObject({
      labels: { owner: 'team-payments' },
      annotations: { runbook_url: 'https://runbooks.example.com/checkout' },
    });
  });

  it('says which SLOs the rules leave out, and answers 422 when none could be exported', async () => {
    await backend.syncNow('metrics:east');
    // The generator cannot express checkout-burning (e.g. a threshold SLI).
    backend.provider.exportRules.mockImplementationOnce(input => {
      const groups = input.slos
        .filter(slo => slo.id !== 'checkout-burning')
        .map(slo => ({
          name: `slo-${slo.id}`,
          rules: [{ record: 'x', expr: 'vector(1)', labels: {} }],
        }));
      return {
        yaml: stringifyYaml({ groups }),
        groups,
        problems: [
          {
            sloId: 'checkout-burning',
            field: 'spec.indicator.spec.thresholdMetric',
            message: 'threshold SLIs have no event ratio to record',
          },
        ],
      };
    });
    const partial = await get('checkout-api', 'slo-rules').set(
      'Accept',
      'application/json',
    );
    expect(partial.status).toBe(200);
    expect(partial.body).toEqual({
      entityRef: 'component:default/checkout-api',
      fileName: 'checkout-api.slo-rules.yaml',
      yaml: expect.stringContaining('slo-checkout-healthy'),
      problems: [
        {
          sloId: 'checkout-burning',
          file: 'slos/checkout.yaml',
          field: 'spec.indicator.spec.thresholdMetric',
          message: 'threshold SLIs have no event ratio to record',
        },
      ],
    });

    // Nothing could be exported: not an empty rule file with HTTP 200.
    backend.provider.exportRules.mockImplementationOnce(input => ({
      yaml: 'groups: []\n',
      groups: [],
      problems: input.slos.map(slo => ({
        sloId: slo.id,
        field: 'spec.indicator.spec.thresholdMetric',
        message: 'threshold SLIs have no event ratio to record',
      })),
    }));
    const none = await get('checkout-api', 'slo-rules');
    expect(none.status).toBe(422);
    expect(none.body.error.message).toBe(
      'None of the 2 SLOs of component:default/checkout-api could be exported as Prometheus rules',
    );
    expect(none.body.problems.map((p: { sloId: string }) => p.sloId)).toEqual([
      'checkout-healthy',
      'checkout-burning',
    ]);

    // An SLO no source measures is named too.
    const orphan = await get('orphan-service', 'slo-rules');
    expect(orphan.status).toBe(422);
    expect(orphan.body.problems).toEqual([
      expect.objectContaining({
        sloId: 'orphan-nowhere',
        message: expect.stringContaining('no configured source measures'),
      }),
    ]);
  });

  it('lists the SLOs left out at the top of the downloaded rule file', async () => {
    await backend.syncNow('metrics:east');
    backend.provider.exportRules.mockImplementationOnce(input => {
      const groups = input.slos
        .filter(slo => slo.id !== 'checkout-burning')
        .map(slo => ({
          name: `slo-${slo.id}`,
          rules: [{ record: 'x', expr: 'vector(1)', labels: {} }],
        }));
      return {
        yaml: stringifyYaml({ groups }),
        groups,
        problems: [
          {
            sloId: 'checkout-burning',
            field: 'metadata.name',
            message: 'the SLO name cannot be used in a PromQL label matcher',
          },
        ],
      };
    });
    const res = await get('checkout-api', 'slo-rules');
    expect(res.status).toBe(200);
    expect(res.headers['preflight-slo-rules-problems']).toBe('1');
    expect(res.text.split('\n')[0]).toBe(
      '# Left out: SLO "checkout-burning" (slos/checkout.yaml, metadata.name): the SLO name cannot be used in a PromQL label matcher',
    );
    expect(parseYaml(res.text).groups).toHaveLength(1);
  });

  it('answers 404 for rules of an entity without exportable SLOs', async () => {
    await backend.syncNow('metrics:east');
    const res = await get('plain-service', 'slo-rules');
    expect(res.status).toBe(404);
  });
});

describe('SLO sync', () => {
  let backend: SloTestBackend;
  afterEach(() => backend.stop());

  it('keeps one source’s data when another source fails', async () => {
    backend = await startSloTestBackend({ entities });
    backend.provider.readings.set(
      'component:default/checkout-api/checkout-healthy',
      { good: 9990, total: 10000 },
    );
    backend.provider.readings.set(
      'component:default/fraud-detector/fraud-west',
      { good: 999, total: 1000 },
    );
    await backend.syncNow('metrics:east');
    await backend.syncNow('metrics:west');

    backend.provider.failingSources.add('metrics:east');
    backend.provider.readings.set(
      'component:default/checkout-api/checkout-healthy',
      { good: 5000, total: 10000 },
    );
    await backend.syncNow('metrics:east');
    await backend.syncNow('metrics:west');

    const checkout = (
      await request(backend.server).get(path('checkout-api', 'slos'))
    ).body as EntitySlosResponse;
    const healthy = checkout.slos.find(s => s.id === 'checkout-healthy')!;
    expect(healthy.state).toBe('ok');
    expect(healthy.evaluation!.budgetRemaining).toBeCloseTo(0.9);
    expect(checkout.sources).toMatchObject([
      {
        id: 'metrics:east',
        lastError: 'metrics:east is unreachable',
        stale: true,
      },
    ]);

    const fraud = (
      await request(backend.server).get(path('fraud-detector', 'slos'))
    ).body as EntitySlosResponse;
    expect(fraud.slos[0]).toMatchObject({
      state: 'ok',
      sourceId: 'metrics:west',
    });
    expect(fraud.sources).toMatchObject([
      { id: 'metrics:west', lastError: null },
    ]);
  });

  it('keeps the last good evaluation of an SLO whose measurement fails', async () => {
    backend = await startSloTestBackend({ entities });
    const ref = 'component:default/checkout-api/checkout-healthy';
    backend.provider.readings.set(ref, { good: 9990, total: 10000 });
    await backend.syncNow('metrics:east');
    const first = (
      await request(backend.server).get(path('checkout-api', 'slos'))
    ).body as EntitySlosResponse;

    backend.provider.readings.set(ref, { error: 'query timed out' });
    await backend.syncNow('metrics:east');
    const second = (
      await request(backend.server).get(path('checkout-api', 'slos'))
    ).body as EntitySlosResponse;

    const before = first.slos.find(s => s.id === 'checkout-healthy')!;
    const after = second.slos.find(s => s.id === 'checkout-healthy')!;
    expect(after.state).toBe('error');
    expect(after.errors).toEqual(['query timed out']);
    expect(after.evaluation).toEqual(before.evaluation);
    expect(after.evaluatedAt).toBe(before.evaluatedAt);
    expect(after.burnDown).toEqual(before.burnDown);
  });

  it('answers unknown, not allowed, while the source was never reached', async () => {
    backend = await startSloTestBackend({ entities });
    backend.provider.failingSources.add('metrics:east');
    await backend.syncNow('metrics:east');
    const strict = (
      await request(backend.server).get(path('checkout-api', 'deploy-gate'))
    ).body as DeployGateResponse;
    expect(strict).toMatchObject({ decision: 'unknown', allowed: false });
    expect(strict.reasons.map(r => r.kind)).toEqual([
      'slo-not-measured',
      'slo-not-measured',
    ]);
    expect(strict.reasons[0].message).toMatch(
      /has never answered: metrics:east is unreachable \(last tried /,
    );

    await backend.stop();
    backend = await startSloTestBackend({
      entities,
      config: { reliability: { slos: { deployGate: { onUnknown: 'allow' } } } },
    });
    backend.provider.failingSources.add('metrics:east');
    await backend.syncNow('metrics:east');
    const lenient = (
      await request(backend.server).get(path('checkout-api', 'deploy-gate'))
    ).body as DeployGateResponse;
    expect(lenient).toMatchObject({
      decision: 'unknown',
      onUnknown: 'allow',
      allowed: true,
    });
  });

  it('blocks deploys on evaluations older than staleAfter', async () => {
    backend = await startSloTestBackend({
      entities,
      config: {
        reliability: { slos: { sync: { staleAfter: { milliseconds: 1 } } } },
      },
    });
    backend.provider.readings.set(
      'component:default/checkout-api/checkout-healthy',
      { good: 9990, total: 10000 },
    );
    await backend.syncNow('metrics:east');
    // Let the 1 ms threshold pass.
    await new Promise(resolve => setTimeout(resolve, 20));
    const res = await request(backend.server).get(
      path('checkout-api', 'deploy-gate'),
    );
    expect(res.body).toMatchObject({ decision: 'unknown', allowed: false });
    expect(res.body.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sloId: 'checkout-healthy',
          kind: 'stale-data',
        }),
      ]),
    );
  });
});
