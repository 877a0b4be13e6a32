/**
 * Issue 14: SLO files modelled on the OpenSLO specification's examples, with
 * Prometheus sources (see src/__fixtures__/openslo-examples/README.md),
 * parse and are measured by a real Prometheus; what cannot be measured is
 * refused naming its field. Expected counts come from the raw samples of the
 * harness's history, which ends Wednesday 2025-01-15 12:00 UTC.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  readSloText,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  type PrometheusHarness,
  startPrometheusWithSliHistory,
  sumIncrease,
} from '@internal/preflight-test/prometheus';
import { findSloQueryProblem } from '../batching/planBatchedQueries';
import { harnessSloSource } from '../__testUtils__/harnessSloSource';

const FIXTURES = path.resolve(__dirname, '../__fixtures__/openslo-examples');
const MEASURED = [
  'occurrences-latency.yaml',
  'ratio-timeslices.yaml',
  'timeslices-calendar-month.yaml',
  'low-traffic-calendar-week.yaml',
];

function read(file: string) {
  return readSloText(fs.readFileSync(path.join(FIXTURES, file), 'utf8'), {
    entityRef: 'component:default/web-shop',
    file,
  });
}

let prometheus: PrometheusHarness;
let measurements: Map<string, SloMeasurement>;
let definitions: SloDefinition[];

beforeAll(async () => {
  prometheus = await startPrometheusWithSliHistory();
  definitions = MEASURED.flatMap(file => read(file).definitions);
  const source = harnessSloSource(prometheus);
  const report = await source.measure(
    definitions.map(definition => ({ definition })),
  );
  measurements = new Map(report.measurements.map(m => [m.sloId, m]));
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(() => prometheus?.stop());

/** Requests and 5xx of `service` over `(at − window, at]`, from the raw samples. */
function raw(service: string, windowSeconds: number, at: number) {
  const name = 'http_requests_total';
  return {
    bad:
      sumIncrease(
        prometheus.history,
        { name, labels: { service, code: /5../ } },
        windowSeconds,
        at,
      ) ?? 0,
    total: sumIncrease(
      prometheus.history,
      { name, labels: { service } },
      windowSeconds,
      at,
    )!,
  };
}

describe('the OpenSLO examples with Prometheus sources', () => {
  it.each(MEASURED)('%s parses without problems', file => {
    expect(read(file).problems).toEqual([]);
  });

  it('reads every SLO, one per objective, with its window, method and alert policy', () => {
    expect(
      definitions.map(d => [
        d.id,
        d.window,
        d.rolling,
        d.budgetingMethod,
        d.target,
      ]),
    ).toEqual([
      ['gateway-latency', '2w', true, 'Occurrences', 0.99],
      ['checkout-availability', '2w', true, 'RatioTimeslices', 0.99],
      ['payments-sla#0', '1M', false, 'Timeslices', 0.995],
      ['payments-sla#1', '1M', false, 'Timeslices', 0.99],
      ['search-minutes', '1w', false, 'Timeslices', 0.9995],
    ]);
    expect(definitions[2]).toMatchObject({
      displayName: 'Payments SLA (Internal objective)',
      prometheusInstance: 'harness',
      alertPolicies: [
        {
          name: 'payments-sla-burn',
          severity: 'page',
          threshold: 14.4,
          lookbackWindowSeconds: 3600,
          alertAfterSeconds: 300,
          notificationTargets: ['payments-oncall: slack'],
        },
      ],
    });
  });

  it('measures all of them on a real Prometheus without errors', () => {
    for (const definition of definitions) {
      const measurement = measurements.get(definition.id)!;
      expect([definition.id, measurement.errors]).toEqual([definition.id, []]);
    }
    const latency = measurements.get('gateway-latency')!;
    expect(latency.threshold!.points.length).toBeGreaterThan(0);
  });

  it('measures the calendar month from 1 January 12:00 in New York (17:00 UTC), in five-minute slices', () => {
    const at = prometheus.evaluationTimeSeconds;
    const monthStart = Date.UTC(2025, 0, 1, 17) / 1000;
    const month = raw('payments-gateway', at - monthStart, at);
    for (const id of ['payments-sla#0', 'payments-sla#1']) {
      const measurement = measurements.get(id)!;
      expect(measurement.period).toEqual({
        good: month.total - month.bad,
        total: month.total,
      });
      const { burnDown } = measurement;
      expect(burnDown!.windowStart).toBe('2025-01-01T17:00:00.000Z');
      expect(burnDown!.stepSeconds).toBe(300);
      expect(burnDown!.buckets).toHaveLength((at - monthStart) / 300);
      const firstSlice = raw('payments-gateway', 300, monthStart + 300);
      expect(burnDown!.buckets[0]).toMatchObject({
        good: firstSlice.total - firstSlice.bad,
        total: firstSlice.total,
      });
    }
  });

  it('measures the calendar week from Saturday 11 January 12:00 in New York, minute by minute', () => {
    const at = prometheus.evaluationTimeSeconds;
    const weekStart = Date.UTC(2025, 0, 11, 17) / 1000;
    const week = raw('search-api', at - weekStart, at);
    const measurement = measurements.get('search-minutes')!;
    expect(measurement.period).toEqual({
      good: week.total - week.bad,
      total: week.total,
    });
    expect(measurement.burnDown!.buckets).toHaveLength((at - weekStart) / 60);
    // Burn-rate windows stay rolling, scaled to the week: the longest is
    // 3d × 7/30 = 1008 minutes back from now, not from the week's start.
    const longest = raw('search-api', 1008 * 60, at);
    expect(measurement.windows['3d']).toEqual({
      good: longest.total - longest.bad,
      total: longest.total,
    });
  });

  it('refuses what cannot be measured as written, naming the field', () => {
    const { definitions: read1, problems } = read('refused.yaml');
    expect(problems.map(p => [p.sloName, p.field, p.message])).toEqual([
      [
        'month-written-as-minutes',
        'spec.timeWindow[0].duration',
        expect.stringContaining('is 1 minute in OpenSLO'),
      ],
      [
        'any-source',
        'spec.indicator.spec.ratioMetric.good.metricSource.type',
        expect.stringContaining('"Any" is not supported'),
      ],
      [
        'any-source',
        'spec.indicator.spec.ratioMetric.total.metricSource.type',
        expect.stringContaining('"Any" is not supported'),
      ],
    ]);
    // Parses, but Prometheus cannot return 20,160 one-minute slices.
    expect(read1.map(d => d.id)).toEqual(['minute-slices-over-two-weeks']);
    expect(findSloQueryProblem(read1[0])).toEqual({
      field: 'spec.objectives[0].timeSliceWindow',
      message: expect.stringContaining('20160 slices over 2w exceed'),
      fix: expect.stringContaining('at least 2 minutes'),
    });
  });
});
