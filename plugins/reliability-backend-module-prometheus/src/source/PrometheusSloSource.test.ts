import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { availabilitySlo, withIndicator } from '../__testUtils__/sloDefinition';
import { PrometheusClient } from '../client/PrometheusClient';
import type { PrometheusModuleConfig } from '../config/PrometheusModuleConfig';
import { PrometheusSloSource } from './PrometheusSloSource';

const MAIN = 'http://prometheus.test';
const OTHER = 'http://other.test';
const AT = new Date('2025-01-15T12:00:37Z');
const AT_SECONDS = Date.parse('2025-01-15T12:00:00Z') / 1000;

const server = setupServer();
registerMswTestHooks(server);

const config: PrometheusModuleConfig = {
  instances: [MAIN, OTHER].map((baseUrl, index) => ({
    name: index === 0 ? 'main' : 'other',
    baseUrl,
    headers: {},
    timeoutMs: 5_000,
    maxConcurrency: 2,
    externalUrl: baseUrl,
  })),
  defaultInstance: 'main',
};

function makeSource(now: Date = AT) {
  return new PrometheusSloSource({
    config,
    now: () => now,
    createClient: instance =>
      new PrometheusClient({
        instance,
        sleep: async () => {},
        retry: { maxAttempts: 2 },
      }),
  });
}

/** Requests per service: total = 1000 × window hours, 5xx = table below. */
const ERRORS_PER_HOUR: Record<string, number | undefined> = {
  'checkout-api': 1,
  'search-api': 200,
  // recommendations: a total counter but no 5xx series at all
};
const TRAFFIC: Record<string, boolean> = {
  'checkout-api': true,
  'search-api': true,
  recommendations: true,
};

function servicesIn(promql: string): string[] {
  const regex = /service=~"([^"]*)"/.exec(promql);
  if (regex) {
    return regex[1].split('|');
  }
  const equal = /service="([^"]*)"/.exec(promql);
  return equal ? [equal[1]] : [];
}

function windowHours(promql: string): number {
  const [, amount, unit] = /\[([0-9]+)([mhd])\]/.exec(promql)!;
  return Number(amount) * { m: 1 / 60, h: 1, d: 24 }[unit as 'm' | 'h' | 'd'];
}

function countSamples(promql: string, at: number) {
  const grouped = promql.includes('by (service)');
  const hours = windowHours(promql);
  return servicesIn(promql).flatMap(service => {
    if (!TRAFFIC[service]) {
      return [];
    }
    const labels = grouped ? { service } : {};
    const samples = [
      {
        metric: { ...labels, preflight_part: 'total' },
        value: [at, String(1000 * hours)],
      },
    ];
    const errors = ERRORS_PER_HOUR[service];
    if (errors !== undefined) {
      samples.push({
        metric: { ...labels, preflight_part: 'numerator' },
        value: [at, String(errors * hours)],
      });
    }
    return samples;
  });
}

function fakePrometheus(
  base: string,
  options: {
    rejectIf?: (promql: string) => boolean;
    /**
     * Answer range queries as VictoriaMetrics does with its response cache
     * on: start rounded down to a multiple of the step, same point count.
     */
    alignToStep?: boolean;
    /** Seconds after `end` of one more point per series, as a broken engine might send. */
    extraPointAfterEnd?: number;
  } = {},
) {
  const queries: string[] = [];
  const handlers = [
    http.post(`${base}/api/v1/query`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const promql = form.get('query')!;
      queries.push(promql);
      if (options.rejectIf?.(promql)) {
        return HttpResponse.json(
          {
            status: 'error',
            errorType: 'bad_data',
            error: '1:10: parse error: unexpected identifier',
          },
          { status: 400 },
        );
      }
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'vector',
          result: countSamples(promql, Number(form.get('time'))),
        },
        warnings: promql.includes('[3d]')
          ? ['partial response: store-eu down']
          : undefined,
      });
    }),
    // The probe each run starts with.
    http.get(`${base}/api/v1/status/buildinfo`, () =>
      HttpResponse.json({ status: 'success', data: { version: '2.42.0' } }),
    ),
    http.post(`${base}/api/v1/query_range`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const promql = form.get('query')!;
      queries.push(promql);
      const step = Number(form.get('step'));
      const shift = options.alignToStep ? Number(form.get('start')) % step : 0;
      const start = Number(form.get('start')) - shift;
      const end = Number(form.get('end')) - shift;
      const times: number[] = [];
      for (let t = start; t <= end; t += step) {
        times.push(t);
      }
      const extra =
        options.extraPointAfterEnd === undefined
          ? []
          : [[end + options.extraPointAfterEnd, '5']];
      return HttpResponse.json({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: countSamples(
            promql.replace(/\[[0-9]+[mhd]\]/g, '[1h]'),
            end,
          ).map(sample => ({
            metric: sample.metric,
            // The last step has no data for this series; the one before is NaN.
            values: [
              ...times
                .slice(0, -1)
                .map((t, i) => [
                  t,
                  i === times.length - 2 ? 'NaN' : sample.value[1],
                ]),
              ...extra,
            ],
          })),
        },
      });
    }),
  ];
  return { queries, handlers };
}

describe('PrometheusSloSource', () => {
  it('measures SLOs of one shape with grouped queries and maps counts back to each SLO', async () => {
    const main = fakePrometheus(MAIN);
    server.use(...main.handlers);
    const source = makeSource();
    const report = await source.measure(
      ['checkout-api', 'search-api', 'recommendations', 'no-such-service'].map(
        service => ({
          definition: availabilitySlo(service),
        }),
      ),
    );

    expect(report.evaluatedAt).toBe('2025-01-15T12:00:00.000Z');
    expect(report.stats).toEqual({
      slos: 4,
      queries: 9,
      unbatchedQueries: 36,
      failedQueries: 0,
    });
    expect(main.queries).toHaveLength(9);

    const [checkout, search, recommendations, missing] = report.measurements;
    expect(checkout).toMatchObject({
      ref: 'component:default/checkout-api/checkout-api-availability',
      instance: 'main',
      evaluatedAt: '2025-01-15T12:00:00.000Z',
      period: { good: 720 * 999, total: 720 * 1000 },
      errors: [],
    });
    expect(checkout.windows['1h']).toEqual({ good: 999, total: 1000 });
    expect(search.windows['6h']).toEqual({ good: 6 * 800, total: 6 * 1000 });
    // No 5xx series with traffic: no errors, not "no data".
    expect(recommendations.windows['1h']).toEqual({ good: 1000, total: 1000 });
    // No series at all: no data.
    expect(missing.period).toBeNull();
    expect(missing.windows['5m']).toBeNull();
    expect(Object.keys(checkout.windows)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
    ]);
    expect(checkout.warnings).toEqual([
      'Prometheus warning on the 3d counts query: partial response: store-eu down',
      '30d burn-down query: 1 step(s) had NaN or infinite counts and count as no traffic',
    ]);
  });

  it('builds burn-down buckets ending at the evaluation time, with missing and NaN steps as no traffic', async () => {
    const main = fakePrometheus(MAIN);
    server.use(...main.handlers);
    const report = await makeSource().measure([
      { definition: availabilitySlo('search-api') },
    ]);
    const { burnDown, warnings } = report.measurements[0];

    expect(burnDown!.stepSeconds).toBe(3600);
    expect(burnDown!.windowStart).toBe(
      new Date((AT_SECONDS - 30 * 86_400) * 1000).toISOString(),
    );
    expect(burnDown!.buckets).toHaveLength(720);
    expect(burnDown!.buckets[0]).toEqual({
      timestamp: new Date(
        (AT_SECONDS - 30 * 86_400 + 3600) * 1000,
      ).toISOString(),
      good: 800,
      total: 1000,
    });
    expect(burnDown!.buckets.at(-1)).toEqual({
      timestamp: '2025-01-15T12:00:00.000Z',
      good: 0,
      total: 0,
    });
    expect(burnDown!.buckets.at(-2)).toMatchObject({ good: 0, total: 0 });
    expect(warnings).toContain(
      '30d burn-down query: 1 step(s) had NaN or infinite counts and count as no traffic',
    );
  });

  it.each([4, 37, 59])(
    'fills the burn-down when the engine aligns the range to the step (query at minute %i)',
    async minute => {
      const main = fakePrometheus(MAIN, { alignToStep: true });
      server.use(...main.handlers);
      const at = new Date(AT_SECONDS * 1000 + minute * 60_000 + 12_000);
      const report = await makeSource(at).measure([
        { definition: availabilitySlo('search-api') },
      ]);
      const { burnDown, warnings } = report.measurements[0];

      expect(burnDown!.buckets).toHaveLength(720);
      expect(burnDown!.buckets.at(-1)!.timestamp).toBe(
        new Date(AT_SECONDS * 1000 + minute * 60_000).toISOString(),
      );
      // Every step but the two the fake leaves empty or NaN has its traffic.
      const withTraffic = burnDown!.buckets.filter(b => b.total > 0);
      expect(withTraffic).toHaveLength(718);
      expect(burnDown!.buckets[0]).toMatchObject({ good: 800, total: 1000 });
      expect(warnings.join('\n')).not.toMatch(/fit no/);
    },
  );

  it('warns when a range answer has points that fit no burn-down step', async () => {
    const main = fakePrometheus(MAIN, { extraPointAfterEnd: 1800 });
    server.use(...main.handlers);
    const report = await makeSource().measure([
      { definition: availabilitySlo('search-api') },
    ]);
    const { burnDown, warnings } = report.measurements[0];

    expect(burnDown!.buckets[0]).toMatchObject({ good: 800, total: 1000 });
    expect(warnings).toContain(
      '30d burn-down query: 2 point(s) of the answer fit no 3600s step ending at or before the evaluation time and were left out; the engine answered at other instants than asked',
    );
  });

  it('gives a rejected query’s error to its SLOs only, naming the SLO and the query', async () => {
    const main = fakePrometheus(MAIN, {
      rejectIf: promql => promql.includes('latency_bucket'),
    });
    server.use(...main.handlers);
    const latency = withIndicator(
      availabilitySlo('checkout-api', { id: 'checkout-api-latency' }),
      {
        kind: 'ratio-good',
        counter: true,
        goodQuery: 'latency_bucket{service="checkout-api",le="0.3"}',
        totalQuery: 'latency_count{service="checkout-api"}',
      },
    );
    const report = await makeSource().measure([
      { definition: latency },
      { definition: availabilitySlo('checkout-api') },
    ]);
    const [broken, healthy] = report.measurements;

    expect(broken.period).toBeUndefined();
    expect(broken.windows).toEqual({});
    // The 7 burn-rate windows and the period; the range query was not rejected.
    expect(broken.errors).toHaveLength(8);
    expect(broken.errors[0]).toEqual({
      message: expect.stringMatching(
        /^SLO "checkout-api-latency" of component:default\/checkout-api: the 5m counts query failed\. Prometheus instance "main" answered bad_data \(HTTP 400\): 1:10: parse error: unexpected identifier\. Query: label_replace\(sum by \(service\) \(increase\(latency_bucket\{le="0.3",service="checkout-api"\}\[5m\]\)\)/,
      ),
      query: expect.stringContaining('latency_bucket'),
      instance: 'main',
      errorType: 'bad_data',
    });
    expect(healthy.errors).toEqual([]);
    expect(healthy.windows['1h']).toEqual({ good: 999, total: 1000 });
    expect(report.stats.failedQueries).toBe(8);
  });

  it('picks instances by name and reports unknown names without any request', async () => {
    const main = fakePrometheus(MAIN);
    const other = fakePrometheus(OTHER);
    server.use(...main.handlers, ...other.handlers);
    const report = await makeSource().measure([
      { definition: availabilitySlo('checkout-api') },
      {
        definition: availabilitySlo('search-api'),
        instanceAnnotation: 'other',
      },
      {
        definition: availabilitySlo('recommendations', {
          prometheusInstance: 'nope',
        }),
        instanceAnnotation: 'other',
      },
      {
        definition: availabilitySlo('search-api', { id: 'x' }),
        instanceAnnotation: 'http://evil.test',
      },
    ]);
    const [checkout, search, unknown, url] = report.measurements;
    expect(checkout.instance).toBe('main');
    expect(search.instance).toBe('other');
    expect(other.queries.every(q => q.includes('search-api'))).toBe(true);
    expect(main.queries.every(q => q.includes('checkout-api'))).toBe(true);
    expect(unknown.errors).toEqual([
      {
        message:
          'SLO "recommendations-availability" of component:default/recommendations: Prometheus instance "nope" is not configured. Name one of the instances under reliability.prometheus.instances ("main", "other").',
        field: 'metricSource.metricSourceRef',
      },
    ]);
    expect(url.errors[0]).toMatchObject({
      field: 'metadata.annotations["preflight.dev/prometheus-instance"]',
    });
  });

  it('reports an instance that is down on its SLOs and keeps the other instance’s numbers', async () => {
    const main = fakePrometheus(MAIN);
    server.use(
      ...main.handlers,
      http.post(`${OTHER}/api/v1/*`, () => HttpResponse.error()),
      http.get(`${OTHER}/api/v1/*`, () => HttpResponse.error()),
    );
    const report = await makeSource().measure([
      { definition: availabilitySlo('checkout-api') },
      {
        definition: availabilitySlo('search-api'),
        instanceAnnotation: 'other',
      },
    ]);
    const [checkout, search] = report.measurements;
    expect(checkout.errors).toEqual([]);
    expect(search.errors).toHaveLength(9);
    expect(search.errors[0].errorType).toBe('network');
    expect(search.errors[0].message).toContain('Prometheus instance "other"');
  });

  it('stops when the sync is cancelled instead of reporting every SLO as failed', async () => {
    server.use(...fakePrometheus(MAIN).handlers);
    const controller = new AbortController();
    controller.abort();
    await expect(
      makeSource().measure([{ definition: availabilitySlo('a') }], {
        signal: controller.signal,
      }),
    ).rejects.toThrow();
  });
});
