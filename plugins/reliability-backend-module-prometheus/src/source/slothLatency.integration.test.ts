/**
 * Sloth's latency example — slow requests as all requests minus the fast
 * bucket, over all requests, both as per-second rates — read from a Sloth
 * file and measured on a real Prometheus gives the raw samples' ratio. It
 * used to be off by the window's seconds: the total was rewritten to an
 * increase() while the error query stayed a rate.
 */
import { evaluateSloBudget } from '@preflight/plugin-reliability-common';
import { readSloText } from '@preflight/plugin-reliability-node';
import {
  expectedLatencyCounts,
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  type PrometheusHarness,
  startPrometheusWithSliHistory,
} from '@internal/preflight-test/prometheus';
import { harnessSloSource } from '../__testUtils__/harnessSloSource';

const SLOTH_FILE = `version: prometheus/v1
service: api-gateway
slos:
  - name: requests-latency
    objective: 99
    description: 99% of requests answer within half a second.
    sli:
      events:
        error_query: sum(rate(http_request_duration_seconds_count{service="api-gateway"}[{{.window}}])) - sum(rate(http_request_duration_seconds_bucket{service="api-gateway",le="0.5"}[{{.window}}]))
        total_query: sum(rate(http_request_duration_seconds_count{service="api-gateway"}[{{.window}}]))
`;

let prometheus: PrometheusHarness;

beforeAll(async () => {
  prometheus = await startPrometheusWithSliHistory();
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(() => prometheus?.stop());

it("measures Sloth's latency SLO (rate minus rate over rate) as the raw samples give", async () => {
  const { definitions, problems } = readSloText(SLOTH_FILE, {
    entityRef: 'component:default/api-gateway',
    file: 'slos/api-gateway.sloth.yaml',
  });
  expect(problems).toEqual([]);
  const source = harnessSloSource(prometheus);
  const [measurement] = (
    await source.measure(definitions.map(definition => ({ definition })))
  ).measurements;
  expect(measurement.errors).toEqual([]);

  const [definition] = definitions;
  const evaluation = evaluateSloBudget({
    objective: definition.target,
    periodSeconds: definition.windowSeconds,
    period: measurement.period ?? null,
    windows: measurement.windows,
  });
  const at = prometheus.evaluationTimeSeconds;
  const month = expectedLatencyCounts(
    prometheus.history,
    'api-gateway',
    '0.5',
    30 * 86_400,
    at,
  )!;
  const slowShare = (month.total - month.fast) / month.total;
  // 0.4% of requests are slow, 35% during a 6-hour episode: ~0.7% a month.
  expect(slowShare).toBeGreaterThan(0.001);
  expect(evaluation.attainment).toBeCloseTo(1 - slowShare, 9);
  expect(evaluation.budgetRemaining).toBeCloseTo(1 - slowShare / 0.01, 6);

  const hour = expectedLatencyCounts(
    prometheus.history,
    'api-gateway',
    '0.5',
    3_600,
    at,
  )!;
  const oneHour = evaluation.burnRates.find(burn => burn.window === '1h')!;
  expect(oneHour.errorRatio).toBeCloseTo(
    (hour.total - hour.fast) / hour.total,
    9,
  );
});
