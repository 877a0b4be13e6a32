import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { burnRateWindowsForPeriod } from '@preflight/plugin-reliability-common';
import {
  parseOpenSloDocuments,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import {
  expectedLatencyCounts,
  expectedRequestCounts,
  type FaultProxy,
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  prometheusFaults,
  type PrometheusHarness,
  startFaultProxy,
  startPrometheusWithSliHistory,
} from '@internal/preflight-test/prometheus';
import { HOSTILE_LABEL_VALUES } from '../__testUtils__/hostileLabelValues';
import { availabilitySlo, withIndicator } from '../__testUtils__/sloDefinition';
import { planBatchedQueries } from '../batching/planBatchedQueries';
import { PrometheusClient } from '../client/PrometheusClient';
import type { PrometheusModuleConfig } from '../config/PrometheusModuleConfig';
import { quotePromqlString } from '../promql';
import { PrometheusSloSource } from './PrometheusSloSource';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import { sloRefOf } from './sloRefOf';

const CATALOG = path.resolve(__dirname, '../../../../catalog/slos');
const FLEET = [
  'checkout-api',
  'search-api',
  'payments-gateway',
  'recommendations',
];

let prometheus: PrometheusHarness;
let proxy: FaultProxy;
let fleet: SloDefinition[];

beforeAll(async () => {
  prometheus = await startPrometheusWithSliHistory();
  proxy = await startFaultProxy(prometheus.url);
  fleet = [];
  for (const name of FLEET) {
    const { definitions, problems } = parseOpenSloDocuments(
      await readFile(path.join(CATALOG, `${name}.yaml`), 'utf8'),
      { entityRef: `component:default/${name}`, file: `${name}.yaml` },
    );
    if (problems.length > 0) {
      throw new Error(`catalog/slos/${name}.yaml: ${JSON.stringify(problems)}`);
    }
    fleet.push(...definitions);
  }
  // The harness has a latency histogram for api-gateway only.
  fleet.push(
    withIndicator(
      availabilitySlo('api-gateway', {
        id: 'api-gateway-latency',
        target: 0.99,
      }),
      {
        kind: 'ratio-good',
        counter: true,
        goodQuery:
          'http_request_duration_seconds_bucket{service="api-gateway",le="0.5"}',
        totalQuery:
          'http_request_duration_seconds_count{service="api-gateway"}',
      },
    ),
    availabilitySlo('api-gateway'),
  );
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(async () => {
  await proxy?.close();
  await prometheus?.stop();
});

beforeEach(async () => {
  await proxy.setFault({ kind: 'pass' });
  proxy.requests.length = 0;
});

function makeSource(options: { batching?: boolean; timeoutMs?: number } = {}) {
  const config: PrometheusModuleConfig = {
    instances: [
      {
        name: 'harness',
        baseUrl: proxy.url,
        headers: { 'X-Scope-OrgID': 'tenant-1' },
        timeoutMs: options.timeoutMs ?? 20_000,
        maxConcurrency: 4,
        externalUrl: proxy.url,
      },
    ],
    defaultInstance: 'harness',
  };
  return new PrometheusSloSource({
    config,
    now: () => prometheus.evaluationTime,
    plan: { batching: options.batching ?? true },
    createClient: instance =>
      new PrometheusClient({
        instance,
        retry: { maxAttempts: 2, baseDelayMs: 10 },
      }),
  });
}

function queryRequests() {
  return proxy.requests.filter(request =>
    request.path.startsWith('/api/v1/query'),
  );
}

function byRef(measurements: SloMeasurement[]) {
  return new Map(measurements.map(m => [m.ref, m]));
}

function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

describe('PrometheusSloSource against a real Prometheus', () => {
  it('reports the event counts computed from the generated samples, for every window', async () => {
    const report = await makeSource().measure(
      fleet.map(definition => ({ definition })),
    );
    const measurements = byRef(report.measurements);
    const at = prometheus.evaluationTimeSeconds;

    for (const service of [
      'checkout-api',
      'search-api',
      'payments-gateway',
      'api-gateway',
    ]) {
      const slo = fleet.find(d => d.id === `${service}-availability`)!;
      const measured = measurements.get(sloRefOf(slo))!;
      expect(measured.errors).toEqual([]);
      const windows = [
        ['period', slo.windowSeconds] as const,
        ...burnRateWindowsForPeriod(slo.windowSeconds).map(
          w => [w.id, w.seconds] as const,
        ),
      ];
      for (const [id, seconds] of windows) {
        const expected = expectedRequestCounts(
          prometheus.history,
          service,
          seconds,
          at,
        )!;
        const counts = id === 'period' ? measured.period : measured.windows[id];
        expectClose(counts!.total, expected.total);
        expectClose(counts!.good, expected.total - expected.failed);
      }
    }

    const latency = measurements.get(
      'component:default/api-gateway/api-gateway-latency',
    )!;
    const fast = expectedLatencyCounts(
      prometheus.history,
      'api-gateway',
      '0.5',
      30 * 86_400,
      at,
    )!;
    expectClose(latency.period!.good, fast.fast);
    expectClose(latency.period!.total, fast.total);

    // A counter that exists but never moves: zero traffic, not an error.
    const idle = measurements.get(
      'component:default/recommendations/recommendations-availability',
    )!;
    expect(idle.errors).toEqual([]);
    expect(idle.windows['1h']).toEqual({ good: 0, total: 0 });
    // checkout-api-latency reads a histogram the harness does not have: no data.
    expect(
      measurements.get('component:default/checkout-api/checkout-api-latency')!
        .period,
    ).toBeNull();
  });

  it('builds burn-down buckets that tile the window and match the samples', async () => {
    const slo = fleet.find(d => d.id === 'search-api-availability')!;
    const [measured] = (await makeSource().measure([{ definition: slo }]))
      .measurements;
    const at = prometheus.evaluationTimeSeconds;
    const { buckets, stepSeconds } = measured.burnDown!;
    expect(buckets).toHaveLength(slo.windowSeconds / stepSeconds);
    buckets.forEach((bucket, index) => {
      const end = at - (buckets.length - 1 - index) * stepSeconds;
      expect(bucket.timestamp).toBe(new Date(end * 1000).toISOString());
      const expected = expectedRequestCounts(
        prometheus.history,
        'search-api',
        stepSeconds,
        end,
      )!;
      expectClose(bucket.total, expected.total);
      expectClose(bucket.good, expected.total - expected.failed);
    });
    const total = buckets.reduce((sum, bucket) => sum + bucket.total, 0);
    expectClose(total, measured.period!.total);
  });

  it('gives the same numbers batched as one SLO at a time, with the query count the plan says', async () => {
    const requests = fleet.map(definition => ({ definition }));
    const batched = await makeSource().measure(requests);
    const batchedRequests = queryRequests().length;
    proxy.requests.length = 0;
    const alone = await makeSource({ batching: false }).measure(requests);
    const aloneRequests = queryRequests().length;

    const plan = planBatchedQueries(
      fleet.map(definition => ({
        ref: sloRefOf(definition),
        instance: 'harness',
        definition,
      })),
    );
    expect(batched.stats.queries).toBe(plan.queries.length);
    expect(batchedRequests).toBe(plan.queries.length);
    expect(aloneRequests).toBe(plan.unbatchedQueryCount);
    expect(alone.stats.queries).toBe(plan.unbatchedQueryCount);
    // 7 SLOs, 5 of them on http_requests_total{service=…}: fewer queries.
    // Their periods (30d, 28d, 7d) scale the burn-rate windows differently,
    // so only windows of equal length are shared: 41 queries instead of 63.
    expect(plan.queries.length).toBeLessThan(plan.unbatchedQueryCount * 0.66);
    expect(
      queryRequests().every(r => r.headers['x-scope-orgid'] === 'tenant-1'),
    ).toBe(true);

    const aloneByRef = byRef(alone.measurements);
    for (const measured of batched.measurements) {
      const other = aloneByRef.get(measured.ref)!;
      expect(measured.errors).toEqual([]);
      expect(measured.period).toEqual(other.period);
      expect(measured.windows).toEqual(other.windows);
      expect(measured.burnDown).toEqual(other.burnDown);
    }
  });

  it('isolates an SLO whose PromQL Prometheus rejects', async () => {
    const broken = withIndicator(
      availabilitySlo('search-api', { id: 'broken' }),
      {
        kind: 'ratio-bad',
        counter: true,
        badQuery:
          'no_such_function(http_requests_total{service="search-api",code=~"5.."}[$window])',
        totalQuery:
          'sum(rate(http_requests_total{service="search-api"}[$window]))',
      },
    );
    const healthy = fleet.find(d => d.id === 'checkout-api-availability')!;
    const report = await makeSource().measure([
      { definition: broken },
      { definition: healthy },
    ]);
    const [failed, ok] = report.measurements;
    expect(failed.errors.length).toBeGreaterThan(0);
    expect(failed.errors[0]).toMatchObject({
      errorType: 'bad_data',
      message: expect.stringMatching(
        /^SLO "broken" of component:default\/search-api: .*no_such_function.*Query: .*no_such_function/s,
      ),
    });
    expect(ok.errors).toEqual([]);
    expect(ok.period!.total).toBeGreaterThan(0);
  });

  it('reports 422, warnings, a hanging server and a server that is down on the SLOs', async () => {
    const slo = fleet.find(d => d.id === 'checkout-api-availability')!;

    await proxy.setFault(prometheusFaults.executionError());
    let [measured] = (await makeSource().measure([{ definition: slo }]))
      .measurements;
    expect(measured.errors).toHaveLength(9);
    expect(measured.errors.every(e => e.errorType === 'execution')).toBe(true);
    // 422 is final: one request per query.
    expect(queryRequests()).toHaveLength(9);

    await proxy.setFault(
      prometheusFaults.warnings(['partial response: store down']),
    );
    [measured] = (
      await makeSource().measure([{ definition: slo }])
    ).measurements;
    expect(measured.errors).toEqual([]);
    expect(measured.period!.total).toBeGreaterThan(0);
    expect(measured.warnings).toContain(
      'Prometheus warning on the 30d counts query: partial response: store down',
    );

    await proxy.setFault({ kind: 'hang' });
    [measured] = (
      await makeSource({ timeoutMs: 300 }).measure([{ definition: slo }])
    ).measurements;
    expect(measured.errors.map(e => e.errorType)).toEqual(
      Array(9).fill('deadline'),
    );

    await proxy.setFault({ kind: 'down' });
    [measured] = (
      await makeSource().measure([{ definition: slo }])
    ).measurements;
    expect(measured.errors.map(e => e.errorType)).toEqual(
      Array(9).fill('network'),
    );
  });

  it('probes once and skips the run while Prometheus is down, naming the cause, and resumes when it is back', async () => {
    const requests = fleet.map(definition => ({ definition }));
    const source = makeSource();
    await proxy.setFault({ kind: 'down' });
    const down = await source.measure(requests);
    // One probe instead of every query with its retries.
    expect(source.client('harness')!.stats().requests).toBe(1);
    expect(down.unavailable).toEqual([
      {
        instance: 'harness',
        message: expect.stringContaining('connection refused'),
        skippedQueries: down.stats.queries,
      },
    ]);
    expect(down.stats.failedQueries).toBe(down.stats.queries);
    for (const measured of down.measurements) {
      expect(measured.errors[0].message).toContain('connection refused');
    }

    await proxy.setFault({ kind: 'pass' });
    const back = await source.measure(requests);
    expect(back.unavailable).toEqual([]);
    expect(back.stats.failedQueries).toBe(0);
    expect(source.client('harness')!.stats().requests).toBe(
      1 + 1 + back.stats.queries,
    );
  });

  it('says over how many days an SLO was measured when the data does not cover its window', async () => {
    // The harness holds 32 days of samples.
    const long = availabilitySlo('search-api', {
      id: 'search-api-60d',
      window: '60d',
      windowSeconds: 60 * 86_400,
    });
    const month = fleet.find(d => d.id === 'search-api-availability')!;
    const report = await makeSource().measure([
      { definition: long },
      { definition: month },
    ]);
    const [measured, covered] = report.measurements;
    expect(measured.errors).toEqual([]);
    expect(measured.warnings).toEqual([
      expect.stringMatching(
        /^measured over 3[12](\.[0-9])? of 60 days: there is no data for this SLO before 2024-12-1[34]T/,
      ),
    ]);
    expect(covered.warnings.some(w => w.startsWith('measured over'))).toBe(
      false,
    );
  });

  it('sends hostile label values that Prometheus reads back unchanged', async () => {
    const client = new PrometheusClient({
      instance: {
        name: 'harness',
        baseUrl: prometheus.url,
        headers: {},
        timeoutMs: 10_000,
        maxConcurrency: 2,
      },
    });
    const values = HOSTILE_LABEL_VALUES.filter(
      value => value !== '' && !value.includes('\u0000'),
    );
    const query = values
      .map(
        (value, index) =>
          `label_replace(vector(${index}), "v", ${quotePromqlString(
            value,
          )}, "", "")`,
      )
      .join(' or ');
    const result = await client.instantQuery(query, {
      time: prometheus.evaluationTimeSeconds,
    });
    expect(result.samples.map(sample => sample.labels.v).sort()).toEqual(
      [...values].sort(),
    );
    // And as a matcher value: a selector that matches nothing, not a parse
    // error or an injected vector(1).
    for (const value of values) {
      const matched = await client.instantQuery(
        `http_requests_total{service=${quotePromqlString(value)}}`,
        { time: prometheus.evaluationTimeSeconds },
      );
      expect(matched.samples).toEqual([]);
    }
  });
});
