import { registerMswTestHooks } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { availabilitySlo } from '../__testUtils__/sloDefinition';
import type { PrometheusModuleConfig } from '../config/PrometheusModuleConfig';
import { PrometheusSloProvider } from './PrometheusSloProvider';

const server = setupServer();
registerMswTestHooks(server);

const config: PrometheusModuleConfig = {
  instances: [
    {
      name: 'main',
      baseUrl: 'http://prometheus.internal:9090',
      headers: {},
      timeoutMs: 5_000,
      maxConcurrency: 2,
      externalUrl: 'https://prometheus.example.com',
    },
    {
      name: 'mimir',
      baseUrl: 'http://mimir.internal/prometheus',
      headers: { 'X-Scope-OrgID': 'team-a' },
      timeoutMs: 5_000,
      maxConcurrency: 2,
      externalUrl: 'http://mimir.internal/prometheus',
    },
  ],
  defaultInstance: 'main',
};

function entity(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default', annotations },
    spec: {},
  };
}

describe('PrometheusSloProvider', () => {
  const provider = new PrometheusSloProvider({ config });
  const slo = availabilitySlo('checkout-api');

  it('has one source per instance', () => {
    expect(provider.listSources()).toEqual([
      {
        id: 'prometheus:main',
        type: 'prometheus',
        displayName: 'Prometheus (main)',
      },
      {
        id: 'prometheus:mimir',
        type: 'prometheus',
        displayName: 'Prometheus (mimir)',
      },
    ]);
  });

  it('locates SLOs by metricSourceRef, then annotation, then the default instance', () => {
    expect(provider.locateSlo(entity(), slo)).toEqual({
      sourceId: 'prometheus:main',
    });
    expect(
      provider.locateSlo(
        entity({ 'preflight.dev/prometheus-instance': 'mimir' }),
        slo,
      ),
    ).toEqual({ sourceId: 'prometheus:mimir' });
    expect(
      provider.locateSlo(
        entity({ 'preflight.dev/prometheus-instance': 'mimir' }),
        { ...slo, prometheusInstance: 'main' },
      ),
    ).toEqual({ sourceId: 'prometheus:main' });
  });

  it('refuses URLs and unknown names with an entity-scoped problem', () => {
    expect(
      provider.locateSlo(
        entity({
          'preflight.dev/prometheus-instance': 'http://evil.example.com:9090',
        }),
        slo,
      ),
    ).toEqual({
      problem: {
        entityRef: 'component:default/checkout-api',
        field: 'metadata.annotations["preflight.dev/prometheus-instance"]',
        message:
          '"http://evil.example.com:9090" is not a Prometheus instance name (instances are named in app-config, never given as URLs)',
        fix: expect.any(String),
      },
    });
    expect(
      provider.locateSlo(entity(), { ...slo, prometheusInstance: 'thanos' }),
    ).toEqual({
      problem: expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        field: 'metricSource.metricSourceRef',
        message:
          'SLO "checkout-api-availability": Prometheus instance "thanos" is not configured',
      }),
    });
  });

  it('reports a query that can never be measured when the SLO is declared, with its field', () => {
    const unparsable = {
      ...availabilitySlo('checkout-api'),
      indicatorPath: 'spec.indicator.spec',
      indicator: {
        kind: 'ratio-bad' as const,
        counter: true,
        badQuery: 'http_requests_total{service="checkout-api",code=~"5.."',
        totalQuery: 'http_requests_total{service="checkout-api"}',
      },
    };
    expect(provider.locateSlo(entity(), unparsable)).toEqual({
      problem: expect.objectContaining({
        entityRef: 'component:default/checkout-api',
        field: 'spec.indicator.spec.ratioMetric.bad.metricSource.spec.query',
        message: expect.stringContaining('SLO "checkout-api-availability": '),
      }),
    });
    // a time slice longer than the window
    const slices = {
      ...availabilitySlo('checkout-api'),
      budgetingMethod: 'Timeslices' as const,
      timeSliceTarget: 0.9,
      timeSliceWindowSeconds: 31 * 86_400,
    };
    expect(provider.locateSlo(entity(), slices)).toEqual({
      problem: expect.objectContaining({
        field: 'spec.objectives[0].timeSliceWindow',
      }),
    });
  });

  it('measures every SLO of a source on that source, whatever instance the SLO named', async () => {
    const instances: string[] = [];
    server.use(
      http.get('http://mimir.internal/prometheus/api/v1/status/buildinfo', () =>
        HttpResponse.json({ status: 'success', data: {} }),
      ),
      http.post('http://mimir.internal/prometheus/api/v1/*', ({ request }) => {
        instances.push(request.headers.get('x-scope-orgid') ?? '');
        return HttpResponse.json({
          status: 'success',
          data: {
            resultType: request.url.endsWith('query_range')
              ? 'matrix'
              : 'vector',
            result: [],
          },
        });
      }),
    );
    const batch = await provider.measureSlos('prometheus:mimir', [slo], {
      signal: new AbortController().signal,
      now: new Date('2025-01-15T12:00:00Z'),
    });
    expect(batch).toMatchObject({
      sourceId: 'prometheus:mimir',
      observedAt: '2025-01-15T12:00:00.000Z',
      stats: { slos: 1, queries: 9, failedQueries: 0 },
    });
    expect(batch.observations[0]).toMatchObject({
      instance: 'mimir',
      period: null,
      errors: [],
    });
    expect(instances).toEqual(Array(9).fill('team-a'));
    await expect(
      provider.measureSlos('pagerduty:default', [slo], {
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(
      '"pagerduty:default" is not a source of the Prometheus provider',
    );
  });

  it('links the query with the instance’s template when one is configured', () => {
    const templated = new PrometheusSloProvider({
      config: {
        instances: [
          {
            ...config.instances[1],
            queryLinkTemplate:
              'https://grafana.example.com/explore?expr={{query}}&from=now-{{range}}',
          },
        ],
      },
    });
    const [link] = templated.queryLinks('prometheus:mimir', slo);
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://grafana.example.com/explore',
    );
    expect(url.searchParams.get('from')).toBe('now-30d');
    expect(url.searchParams.get('expr')).toContain(
      'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[1h]))',
    );
  });

  it('links to vmui once the instance is known to be VictoriaMetrics, and says its rules are unknown without rulesUrl', async () => {
    const vmConfig: PrometheusModuleConfig = {
      instances: [
        {
          name: 'vm',
          baseUrl: 'http://victoria.internal:8428',
          headers: {},
          timeoutMs: 5_000,
          maxConcurrency: 2,
          externalUrl: 'https://victoria.example.com',
        },
      ],
    };
    server.use(
      // What VictoriaMetrics 1.79 answers without vmalert.
      http.get('http://victoria.internal:8428/api/v1/status/buildinfo', () =>
        HttpResponse.json(
          { status: 'success', data: {} },
          { headers: { 'X-Server-Hostname': 'vm-1' } },
        ),
      ),
      http.get('http://victoria.internal:8428/api/v1/rules', () =>
        HttpResponse.json(
          { status: 'success', data: { groups: [] } },
          { headers: { 'X-Server-Hostname': 'vm-1' } },
        ),
      ),
    );
    const vm = new PrometheusSloProvider({ config: vmConfig });
    await expect(
      vm.listAlertRules({
        sourceId: 'prometheus:vm',
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow(
      /rules_not_served: VictoriaMetrics does not evaluate alerting rules itself .* set reliability\.prometheus\.instances\[\]\.rulesUrl/,
    );
    const [link] = vm.queryLinks('prometheus:vm', slo);
    expect(link.url).toMatch(
      /^https:\/\/victoria\.example\.com\/vmui\/#\/\?g0\.expr=/,
    );

    // With vmalert configured, its (empty) answer is "no alert rules".
    const withVmalert = new PrometheusSloProvider({
      config: {
        instances: [
          {
            ...vmConfig.instances[0],
            rulesUrl: 'http://vmalert.internal:8880',
          },
        ],
      },
    });
    server.use(
      http.get('http://vmalert.internal:8880/api/v1/rules', () =>
        HttpResponse.json({ status: 'success', data: { groups: [] } }),
      ),
    );
    await expect(
      withVmalert.listAlertRules({
        sourceId: 'prometheus:vm',
        signal: new AbortController().signal,
      }),
    ).resolves.toEqual([]);
  });

  it('links the error ratio in the instance’s external UI over the SLO window', () => {
    const [link] = provider.queryLinks('prometheus:main', slo);
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://prometheus.example.com/graph',
    );
    expect(url.searchParams.get('g0.range_input')).toBe('30d');
    expect(url.searchParams.get('g0.expr')).toContain(
      'sum(rate(http_requests_total{service="checkout-api",code=~"5.."}[1h]))',
    );
  });
  it('lists the alerting rules of a source from that instance only, with its headers', async () => {
    const tenants: string[] = [];
    server.use(
      http.get(
        'http://mimir.internal/prometheus/api/v1/rules',
        ({ request }) => {
          tenants.push(request.headers.get('x-scope-orgid') ?? '');
          return HttpResponse.json({
            status: 'success',
            data: {
              groups: [
                {
                  name: 'payments',
                  file: 'payments.yaml',
                  rules: [
                    {
                      type: 'recording',
                      name: 'service:errors:rate5m',
                      query: 'sum by (service) (rate(x[5m]))',
                    },
                    {
                      type: 'alerting',
                      name: 'PaymentsGatewayDown',
                      query: 'up{service="payments-gateway"} == 0',
                      labels: { service: 'payments-gateway', severity: 'page' },
                      annotations: { summary: 'down' },
                    },
                  ],
                },
              ],
            },
          });
        },
      ),
    );
    const rules = await provider.listAlertRules({
      sourceId: 'prometheus:mimir',
      signal: new AbortController().signal,
    });
    expect(rules).toEqual([
      {
        group: 'payments',
        file: 'payments.yaml',
        name: 'PaymentsGatewayDown',
        labels: { service: 'payments-gateway', severity: 'page' },
        annotations: { summary: 'down' },
      },
    ]);
    expect(tenants).toEqual(['team-a']);
    await expect(
      provider.listAlertRules({
        sourceId: 'prometheus:other',
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('"prometheus:other" is not a source');
  });

  it('rejects when the instance answers with an error envelope', async () => {
    server.use(
      http.get('http://prometheus.internal:9090/api/v1/rules', () =>
        HttpResponse.json(
          { status: 'error', errorType: 'bad_data', error: 'nope' },
          { status: 400 },
        ),
      ),
    );
    await expect(
      provider.listAlertRules({
        sourceId: 'prometheus:main',
        signal: new AbortController().signal,
      }),
    ).rejects.toThrow('Prometheus instance "main": bad_data (HTTP 400): nope');
  });
});
