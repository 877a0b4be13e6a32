/**
 * Issue 3: the attainment, budget remaining and burn rates Preflight reports
 * equal the textbook formulas applied to the generated raw samples.
 *
 * The backend turns a measurement into the served status with
 * `evaluateMeasurement` (plugins/reliability-backend/src/slo). This module may
 * not import the backend package (a backend module depending on its backend
 * plugin would be circular), so the test calls what `evaluateMeasurement`
 * calls for a ratio SLI with Occurrences budgeting: -common's
 * `evaluateSloBudget` on the measurement's period and windows, and
 * `computeBurnDownSeries` on its burn-down buckets.
 */
import {
  type BurnDownPoint,
  computeBurnDownSeries,
  evaluateSloBudget,
  type SloBudgetEvaluation,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  type PrometheusHarness,
  startPrometheusWithSliHistory,
  startVictoriaMetricsWithSliHistory,
  sumIncrease,
} from '@internal/preflight-test/prometheus';
import { availabilitySlo } from '../__testUtils__/sloDefinition';
import { PrometheusClient } from '../client/PrometheusClient';
import { harnessSloSource } from '../__testUtils__/harnessSloSource';

const OBJECTIVE = 0.999;
const PERIOD_SECONDS = 30 * 86_400;

/** The burn-rate windows, written out rather than taken from -common. */
const WINDOWS = [
  ['5m', 5 * 60],
  ['30m', 30 * 60],
  ['1h', 3_600],
  ['2h', 2 * 3_600],
  ['6h', 6 * 3_600],
  ['1d', 86_400],
  ['3d', 3 * 86_400],
] as const;

/**
 * The Workbook's page rows for a 30-day period: threshold = share of budget
 * consumed × period / long window (2 % × 720h / 1h = 14.4; 5 % × 720h / 6h = 6).
 */
const PAGE_ROWS = [
  { long: '1h', short: '5m', threshold: 14.4 },
  { long: '6h', short: '30m', threshold: 6 },
] as const;

/** The harness's services with traffic, by what their history holds. */
const HEALTHY = 'checkout-api';
const BURNING = 'search-api';
const EXHAUSTED = 'payments-gateway';
const NO_TRAFFIC = 'recommendations';

/** What these tests use of a harness; both engines' harnesses have it. */
type EngineHarness = Pick<
  PrometheusHarness,
  'url' | 'evaluationTime' | 'evaluationTimeSeconds' | 'history' | 'stop'
>;

let prometheus: EngineHarness;

const ENGINES: Array<[string, () => Promise<EngineHarness>]> = [
  ['Prometheus', () => startPrometheusWithSliHistory()],
  // Issue 16: the same figures from VictoriaMetrics (Debian's 1.79) loaded
  // with the same samples.
  ['VictoriaMetrics', () => startVictoriaMetricsWithSliHistory()],
];

function slo(service: string): SloDefinition {
  return availabilitySlo(service, {
    target: OBJECTIVE,
    window: '30d',
    windowSeconds: PERIOD_SECONDS,
    budgetingMethod: 'Occurrences',
  });
}

async function measureAll(
  services: readonly string[],
): Promise<Map<string, SloMeasurement>> {
  const source = harnessSloSource(prometheus, {
    createClient: instance =>
      new PrometheusClient({
        instance,
        retry: { maxAttempts: 2, baseDelayMs: 10 },
      }),
  });
  const report = await source.measure(
    services.map(service => ({ definition: slo(service) })),
  );
  return new Map(report.measurements.map(m => [m.sloId, m]));
}

/** What the backend computes from a measurement (see the file comment). */
function evaluate(
  definition: SloDefinition,
  measurement: SloMeasurement,
): { evaluation: SloBudgetEvaluation; burnDown: BurnDownPoint[] } {
  const evaluation = evaluateSloBudget({
    objective: definition.target,
    periodSeconds: definition.windowSeconds,
    period: measurement.period ?? null,
    windows: measurement.windows,
  });
  const burnDown = measurement.burnDown
    ? computeBurnDownSeries({
        objective: definition.target,
        periodSeconds: definition.windowSeconds,
        windowStart: measurement.burnDown.windowStart,
        buckets: measurement.burnDown.buckets,
      })
    : [];
  return { evaluation, burnDown };
}

/** 5xx and all requests of `service` over `(at − window, at]`, from the raw samples. */
function rawCounts(service: string, windowSeconds: number) {
  const at = prometheus.evaluationTimeSeconds;
  const name = 'http_requests_total';
  const bad =
    sumIncrease(
      prometheus.history,
      { name, labels: { service, code: /5../ } },
      windowSeconds,
      at,
    ) ?? 0;
  const total = sumIncrease(
    prometheus.history,
    { name, labels: { service } },
    windowSeconds,
    at,
  );
  if (total === undefined) {
    throw new Error(`the harness has no ${name} for ${service}`);
  }
  return { bad, total };
}

/** The textbook values, computed here from the raw samples only. */
function expectedValues(service: string) {
  const period = rawCounts(service, PERIOD_SECONDS);
  const attainment = 1 - period.bad / period.total;
  const budgetRemaining = 1 - period.bad / period.total / (1 - OBJECTIVE);
  const burnRates = Object.fromEntries(
    WINDOWS.map(([id, seconds]) => {
      const { bad, total } = rawCounts(service, seconds);
      return [id, bad / total / (1 - OBJECTIVE)];
    }),
  ) as Record<(typeof WINDOWS)[number][0], number>;
  const pages = PAGE_ROWS.some(
    row =>
      burnRates[row.long] >= row.threshold &&
      burnRates[row.short] >= row.threshold,
  );
  return { attainment, budgetRemaining, burnRates, pages };
}

// Both edges of every range fall on whole-minute samples, so Prometheus 2.x
// returns exact integer counts; only float rounding in the ratios remains.
function expectClose(actual: number | null | undefined, expected: number) {
  expect(typeof actual).toBe('number');
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

function nonFiniteNumbersIn(value: unknown, at = '$'): string[] {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [`${at} = ${value}`];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) =>
      nonFiniteNumbersIn(child, `${at}.${key}`),
    );
  }
  return [];
}

describe.each(ENGINES)('on %s', (_engine, start) => {
  beforeAll(async () => {
    prometheus = await start();
  }, PROMETHEUS_HARNESS_TIMEOUT_MS);

  afterAll(() => prometheus?.stop());

  describe('SLO evaluation of real Prometheus measurements', () => {
    let measurements: Map<string, SloMeasurement>;

    beforeAll(async () => {
      measurements = await measureAll([
        HEALTHY,
        BURNING,
        EXHAUSTED,
        NO_TRAFFIC,
      ]);
    }, 60_000);

    it.each([HEALTHY, BURNING, EXHAUSTED])(
      'reports the attainment, budget and burn rates of %s that the raw samples give',
      service => {
        const definition = slo(service);
        const measurement = measurements.get(definition.id)!;
        expect(measurement.errors).toEqual([]);
        const { evaluation, burnDown } = evaluate(definition, measurement);
        const expected = expectedValues(service);

        expectClose(evaluation.attainment, expected.attainment);
        expectClose(evaluation.budgetRemaining, expected.budgetRemaining);
        expect(evaluation.burnRates.map(burn => burn.window)).toEqual(
          WINDOWS.map(([id]) => id),
        );
        for (const [id] of WINDOWS) {
          const burn = evaluation.burnRates.find(b => b.window === id)!;
          expectClose(burn.burnRate, expected.burnRates[id]);
        }
        // The burn-down chart ends at the headline figures.
        const last = burnDown[burnDown.length - 1];
        expectClose(last.attainment, expected.attainment);
        expectClose(last.budgetRemaining, expected.budgetRemaining);
        expectClose(last.eventBudgetRemaining, expected.budgetRemaining);

        expect(evaluation.alerts.state === 'page').toBe(expected.pages);
        expect(nonFiniteNumbersIn({ evaluation, burnDown })).toEqual([]);
      },
    );

    it('pages for the service burning now and not for the healthy one', () => {
      const burning = evaluate(
        slo(BURNING),
        measurements.get(slo(BURNING).id)!,
      );
      const healthy = evaluate(
        slo(HEALTHY),
        measurements.get(slo(HEALTHY).id)!,
      );

      expect(expectedValues(BURNING).pages).toBe(true);
      expect(burning.evaluation.alerts.state).toBe('page');
      expect(
        burning.evaluation.alerts.firing
          .filter(rule => rule.severity === 'page')
          .map(rule => `${rule.longWindow}/${rule.shortWindow}`),
      ).toContain('1h/5m');

      expect(expectedValues(HEALTHY).pages).toBe(false);
      expect(healthy.evaluation.alerts.state).toBe('ok');
      expect(healthy.evaluation.alerts.firing).toEqual([]);
    });

    it('reports a negative budget for the service that overspent it', () => {
      const definition = slo(EXHAUSTED);
      const { evaluation } = evaluate(
        definition,
        measurements.get(definition.id)!,
      );
      const expected = expectedValues(EXHAUSTED);
      expect(expected.budgetRemaining).toBeLessThan(0);
      expect(evaluation.budgetRemaining).toBeLessThan(0);
      expectClose(evaluation.budgetRemaining, expected.budgetRemaining);
    });

    it('reports no data, never NaN, for the service without traffic', () => {
      // The premise: its counter exists but never moved in the period.
      expect(rawCounts(NO_TRAFFIC, PERIOD_SECONDS)).toEqual({
        bad: 0,
        total: 0,
      });

      const definition = slo(NO_TRAFFIC);
      const measurement = measurements.get(definition.id)!;
      expect(measurement.errors).toEqual([]);
      const { evaluation, burnDown } = evaluate(definition, measurement);

      expect(evaluation.attainment).toBeNull();
      expect(evaluation.errorRatio).toBeNull();
      expect(evaluation.budgetRemaining).toBeNull();
      expect(evaluation.timeToExhaustionSeconds).toBeNull();
      expect(evaluation.burnRates.map(burn => burn.burnRate)).toEqual(
        WINDOWS.map(() => null),
      );
      expect(evaluation.alerts.state).toBe('no-data');
      expect(burnDown.length).toBeGreaterThan(0);
      expect(burnDown.every(point => point.attainment === null)).toBe(true);
      expect(burnDown.every(point => point.budgetRemaining === null)).toBe(
        true,
      );
      expect(nonFiniteNumbersIn({ evaluation, burnDown })).toEqual([]);
    });
  });

  describe('SLO evaluation of a 7-day SLO on real Prometheus measurements', () => {
    const WEEK = 7 * 86_400;
    /**
     * The 30-day windows × 7/30, to the minute and at least 5m, written out
     * rather than taken from -common; the Workbook's factors are kept.
     */
    const WEEK_WINDOWS = [
      ['5m', 5 * 60],
      ['30m', 7 * 60],
      ['1h', 14 * 60],
      ['2h', 28 * 60],
      ['6h', 84 * 60],
      ['1d', 336 * 60],
      ['3d', 1008 * 60],
    ] as const;
    const ROWS = [
      { severity: 'page', long: '1h', short: '5m', factor: 14.4 },
      { severity: 'page', long: '6h', short: '30m', factor: 6 },
      { severity: 'ticket', long: '1d', short: '2h', factor: 3 },
      { severity: 'ticket', long: '3d', short: '6h', factor: 1 },
    ] as const;

    function weekly(service: string): SloDefinition {
      return { ...slo(service), window: '7d', windowSeconds: WEEK };
    }

    it.each([HEALTHY, BURNING, EXHAUSTED])(
      'reports the burn rates and alert state of %s over the scaled windows that the raw samples give',
      async service => {
        const definition = weekly(service);
        const source = harnessSloSource(prometheus);
        const [measurement] = (await source.measure([{ definition }]))
          .measurements;
        expect(measurement.errors).toEqual([]);
        const { evaluation } = evaluate(definition, measurement);

        const period = rawCounts(service, WEEK);
        expectClose(evaluation.attainment, 1 - period.bad / period.total);
        const expected = Object.fromEntries(
          WEEK_WINDOWS.map(([id, seconds]) => {
            const { bad, total } = rawCounts(service, seconds);
            return [id, bad / total / (1 - OBJECTIVE)];
          }),
        ) as Record<(typeof WEEK_WINDOWS)[number][0], number>;
        for (const [id, seconds] of WEEK_WINDOWS) {
          const burn = evaluation.burnRates.find(b => b.window === id)!;
          expect(burn.seconds).toBe(seconds);
          expectClose(burn.burnRate, expected[id]);
        }
        const firing = ROWS.filter(
          row =>
            expected[row.long] >= row.factor &&
            expected[row.short] >= row.factor,
        );
        expect(
          evaluation.alerts.firing.map(rule => [
            rule.severity,
            rule.longWindow,
          ]),
        ).toEqual(firing.map(row => [row.severity, row.long]));
      },
    );
  });
});
