/**
 * Issue 16: the SLO figures on a real VictoriaMetrics (Debian's 1.79, single
 * node, response cache on as in production) loaded with the same generated
 * history as the Prometheus tests, through its import API.
 */
import { burnRateWindowsForPeriod } from '@preflight/plugin-reliability-common';
import {
  expectedRequestCounts,
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  startVictoriaMetricsWithSliHistory,
  type VictoriaMetricsHarness,
} from '@internal/preflight-test/prometheus';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import { availabilitySlo, withIndicator } from '../__testUtils__/sloDefinition';
import { PrometheusClient } from '../client/PrometheusClient';
import { PrometheusSloProvider } from '../provider/PrometheusSloProvider';
import { PrometheusSloSource } from './PrometheusSloSource';

let vm: VictoriaMetricsHarness;

beforeAll(async () => {
  vm = await startVictoriaMetricsWithSliHistory();
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(() => vm?.stop());

function makeSource(at: Date) {
  return new PrometheusSloSource({
    config: {
      instances: [
        {
          name: 'vm',
          baseUrl: vm.url,
          headers: {},
          timeoutMs: 20_000,
          maxConcurrency: 4,
          externalUrl: vm.url,
        },
      ],
      defaultInstance: 'vm',
    },
    now: () => at,
    createClient: instance =>
      new PrometheusClient({
        instance,
        retry: { maxAttempts: 2, baseDelayMs: 10 },
      }),
  });
}

function expectClose(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

const SERVICES = ['checkout-api', 'search-api', 'payments-gateway'];

describe('PrometheusSloSource against a real VictoriaMetrics', () => {
  it('reports the event counts computed from the generated samples, for every window', async () => {
    const report = await makeSource(vm.evaluationTime).measure(
      SERVICES.map(service => ({ definition: availabilitySlo(service) })),
    );
    for (const [index, service] of SERVICES.entries()) {
      const measured: SloMeasurement = report.measurements[index];
      expect(measured.errors).toEqual([]);
      const windows = [
        ['period', 30 * 86_400] as const,
        ...burnRateWindowsForPeriod(30 * 86_400).map(
          w => [w.id, w.seconds] as const,
        ),
      ];
      for (const [id, seconds] of windows) {
        const expected = expectedRequestCounts(
          vm.history,
          service,
          seconds,
          vm.evaluationTimeSeconds,
        )!;
        const counts = id === 'period' ? measured.period : measured.windows[id];
        expectClose(counts!.total, expected.total);
        expectClose(counts!.good, expected.total - expected.failed);
      }
    }
  });

  // VictoriaMetrics rounds a range's start down to a multiple of the step
  // (its response cache), so at most minutes its points fall before the
  // buckets' ends: the chart must still be full, with what it measured.
  it.each([0, 4, 37])(
    'fills every burn-down step when queried at minute %i past the hour',
    async minute => {
      const atSeconds = vm.evaluationTimeSeconds - 3 * 3_600 + minute * 60;
      const [measured] = (
        await makeSource(new Date(atSeconds * 1000)).measure([
          { definition: availabilitySlo('search-api') },
        ])
      ).measurements;
      const { buckets, stepSeconds } = measured.burnDown!;

      expect(measured.errors).toEqual([]);
      expect(measured.warnings).toEqual([]);
      expect(buckets).toHaveLength((30 * 86_400) / stepSeconds);
      buckets.forEach((bucket, index) => {
        const end = atSeconds - (buckets.length - 1 - index) * stepSeconds;
        expect(bucket.timestamp).toBe(new Date(end * 1000).toISOString());
        // The instant VictoriaMetrics evaluated this step at.
        const evaluated = end - (end % stepSeconds);
        const expected = expectedRequestCounts(
          vm.history,
          'search-api',
          stepSeconds,
          evaluated,
        )!;
        expectClose(bucket.total, expected.total);
        expectClose(bucket.good, expected.total - expected.failed);
      });
    },
  );

  it('names VictoriaMetrics’ reason when a query reads more samples than it allows', async () => {
    // Every latency bucket series of the gateway over 30 days: more raw
    // samples than -search.maxSamplesPerQuery.
    const heavy = withIndicator(
      availabilitySlo('api-gateway', { id: 'api-gateway-heavy' }),
      {
        kind: 'ratio-good',
        counter: true,
        goodQuery: 'http_request_duration_seconds_bucket{le="0.5"}',
        totalQuery: '{__name__=~"http_.+"}',
      },
    );
    const report = await makeSource(vm.evaluationTime).measure([
      { definition: heavy },
      { definition: availabilitySlo('checkout-api') },
    ]);
    const [failed, fine] = report.measurements;

    expect(fine.errors).toEqual([]);
    expect(failed.errors.length).toBeGreaterThan(0);
    const message = failed.errors[0].message;
    expect(message).toContain(
      `cannot select more than -search.maxSamplesPerQuery=${vm.maxSamplesPerQuery} samples`,
    );
    // The query appears once, after the reason, not echoed before it.
    expect(message.split('{__name__=~').length - 1).toBe(1);
    expect(message).toMatch(/samples.*\. Query: /s);
  });

  it('detects VictoriaMetrics and says its rules are not served without vmalert, rather than "no alert rules"', async () => {
    const provider = new PrometheusSloProvider({
      config: {
        instances: [
          {
            name: 'vm',
            baseUrl: vm.url,
            headers: {},
            timeoutMs: 20_000,
            maxConcurrency: 2,
            externalUrl: vm.url,
          },
        ],
      },
    });
    await expect(
      provider.listAlertRules({
        sourceId: 'prometheus:vm',
        signal: AbortSignal.timeout(20_000),
      }),
    ).rejects.toThrow(
      'Prometheus instance "vm": rules_not_served: VictoriaMetrics does not evaluate alerting rules itself',
    );
    const [link] = provider.queryLinks(
      'prometheus:vm',
      availabilitySlo('checkout-api'),
    );
    expect(link.url.startsWith(`${vm.url}/vmui/#/?g0.expr=`)).toBe(true);
  });
});
