import {
  expectedLatencyCounts,
  expectedRequestCounts,
} from './expectedSliValues';
import {
  queryInstantVector,
  queryRangeMatrix,
  queryScalarValue,
} from './queryPrometheus';
import { DAY_SECONDS, HOUR_SECONDS, MINUTE_SECONDS } from './sliScenario';
import {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  PrometheusHarness,
  startPrometheusWithSliHistory,
} from './startPrometheusWithSliHistory';

// Tolerance. Samples sit on whole minutes and every query is evaluated on a
// sample, so both edges of each range coincide with samples: Prometheus 2.x
// includes both edge samples and its `increase` extrapolation factor is
// exactly 1. Counters hold integers (exact in float64), so Prometheus returns
// the true counts; the measured difference on 2.42 is 0 for every service and
// window. The relative 1e-9 only absorbs float rounding in ratios. Off the
// grid the comparison is meaningless: at 30 s past a sample, extrapolation
// made a 5m count ~1.5 % and a 1h count ~0.1 % larger than the true counts
// around it (measured on checkout-api).
const RELATIVE_TOLERANCE = 1e-9;
const AVAILABILITY_BUDGET = 0.001; // 99.9 %
const WINDOWS: Record<string, number> = {
  '5m': 5 * MINUTE_SECONDS,
  '30m': 30 * MINUTE_SECONDS,
  '1h': HOUR_SECONDS,
  '6h': 6 * HOUR_SECONDS,
  '1d': DAY_SECONDS,
  '3d': 3 * DAY_SECONDS,
  '30d': 30 * DAY_SECONDS,
};
const SERVICES = [
  'checkout-api',
  'search-api',
  'payments-gateway',
  'api-gateway',
];

/** |actual - expected| relative to expected (absolute below 1); Infinity when Prometheus returned nothing. */
function relativeError(actual: number | undefined, expected: number): number {
  if (actual === undefined) {
    return Infinity;
  }
  return Math.abs(actual - expected) / Math.max(1, Math.abs(expected));
}

describe('startPrometheusWithSliHistory', () => {
  let prometheus: PrometheusHarness;
  let at: number;

  beforeAll(async () => {
    prometheus = await startPrometheusWithSliHistory();
    at = prometheus.evaluationTimeSeconds;
  }, PROMETHEUS_HARNESS_TIMEOUT_MS);

  afterAll(async () => {
    await prometheus?.stop();
  });

  const scalar = (query: string, time = at) =>
    queryScalarValue(prometheus.url, query, time);

  it('serves a real Prometheus evaluated at the end of the history', () => {
    expect(prometheus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(prometheus.evaluationTime.toISOString()).toBe(
      '2025-01-15T12:00:00.000Z',
    );
    expect(prometheus.history.endSeconds).toBe(at);
  });

  it.each(SERVICES)(
    'reports the generated request and 5xx counts of %s for every SLO window',
    async service => {
      for (const [name, seconds] of Object.entries(WINDOWS)) {
        const expected = expectedRequestCounts(
          prometheus.history,
          service,
          seconds,
          at,
        )!;
        expect(
          relativeError(
            await scalar(
              `sum(increase(http_requests_total{service="${service}"}[${name}]))`,
            ),
            expected.total,
          ),
        ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
        const failed = await scalar(
          `sum(increase(http_requests_total{service="${service}",code=~"5.."}[${name}]))`,
        );
        expect(relativeError(failed, expected.failed)).toBeLessThanOrEqual(
          RELATIVE_TOLERANCE,
        );
      }
    },
  );

  it('counts across the checkout-api restart five days ago', async () => {
    const expected = expectedRequestCounts(
      prometheus.history,
      'checkout-api',
      7 * DAY_SECONDS,
      at,
    )!;
    expect(
      relativeError(
        await scalar(
          'sum(increase(http_requests_total{service="checkout-api"}[7d]))',
        ),
        expected.total,
      ),
    ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    // the raw counter fell at the restart, so a plain difference would be wrong
    const raw = await queryInstantVector(
      prometheus.url,
      'sum(http_requests_total{service="checkout-api"}) - sum(http_requests_total{service="checkout-api"} offset 7d)',
      at,
    );
    expect(Number(raw[0].value[1])).toBeLessThan(expected.total);
  });

  it('shows search-api burning its budget fast over the last hour', async () => {
    for (const window of ['5m', '1h']) {
      const expected = expectedRequestCounts(
        prometheus.history,
        'search-api',
        WINDOWS[window],
        at,
      )!;
      const expectedBurn =
        expected.failed / expected.total / AVAILABILITY_BUDGET;
      const burn = await scalar(
        `(sum(rate(http_requests_total{service="search-api",code=~"5.."}[${window}]))
          / sum(rate(http_requests_total{service="search-api"}[${window}]))) / ${AVAILABILITY_BUDGET}`,
      );
      expect(relativeError(burn, expectedBurn)).toBeLessThanOrEqual(
        RELATIVE_TOLERANCE,
      );
      expect(burn).toBeGreaterThan(14.4);
    }
  });

  it('shows payments-gateway with its 30-day error budget exhausted', async () => {
    const expected = expectedRequestCounts(
      prometheus.history,
      'payments-gateway',
      WINDOWS['30d'],
      at,
    )!;
    const budgetLeft = await scalar(
      `1 - (sum(increase(http_requests_total{service="payments-gateway",code=~"5.."}[30d]))
            / sum(increase(http_requests_total{service="payments-gateway"}[30d]))) / ${AVAILABILITY_BUDGET}`,
    );
    expect(
      relativeError(
        budgetLeft,
        1 - expected.failed / expected.total / AVAILABILITY_BUDGET,
      ),
    ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    expect(budgetLeft).toBeLessThan(0);
  });

  it('gives recommendations no data: zero requests, an empty ratio, or NaN', async () => {
    expect(
      await scalar(
        'sum(increase(http_requests_total{service="recommendations"}[30d]))',
      ),
    ).toBe(0);
    expect(
      await scalar(
        `sum(increase(http_requests_total{service="recommendations",code=~"5.."}[1h]))
          / sum(increase(http_requests_total{service="recommendations"}[1h]))`,
      ),
    ).toBeUndefined();
    expect(
      await scalar(
        `(sum(increase(http_requests_total{service="recommendations",code=~"5.."}[1h])) or vector(0))
          / sum(increase(http_requests_total{service="recommendations"}[1h]))`,
      ),
    ).toBeNaN();
  });

  it('reports api-gateway latency attainment from the histogram', async () => {
    for (const window of ['6h', '3d', '30d']) {
      const expected = expectedLatencyCounts(
        prometheus.history,
        'api-gateway',
        '0.5',
        WINDOWS[window],
        at,
      )!;
      const attainment = await scalar(
        `sum(increase(http_request_duration_seconds_bucket{service="api-gateway",le="0.5"}[${window}]))
          / sum(increase(http_request_duration_seconds_count{service="api-gateway"}[${window}]))`,
      );
      expect(
        relativeError(attainment, expected.fast / expected.total),
      ).toBeLessThanOrEqual(RELATIVE_TOLERANCE);
    }
  });

  it('answers range queries at past instants with the counts of each step', async () => {
    const step = 6 * HOUR_SECONDS;
    const start = at - 2 * DAY_SECONDS;
    const matrix = await queryRangeMatrix(
      prometheus.url,
      'sum(increase(http_requests_total{service="payments-gateway",code=~"5.."}[30d]))',
      { startSeconds: start, endSeconds: at, stepSeconds: step },
    );
    expect(matrix).toHaveLength(1);
    expect(matrix[0].values.map(([time]) => time)).toEqual(
      Array.from({ length: 9 }, (_, i) => start + i * step),
    );
    for (const [time, value] of matrix[0].values) {
      const expected = expectedRequestCounts(
        prometheus.history,
        'payments-gateway',
        WINDOWS['30d'],
        time,
      )!;
      expect(relativeError(Number(value), expected.failed)).toBeLessThanOrEqual(
        RELATIVE_TOLERANCE,
      );
    }
  });

  it('has no samples at the real "now", so a query without an explicit time finds nothing', async () => {
    const vector = await queryInstantVector(
      prometheus.url,
      'sum(increase(http_requests_total[30d]))',
      Math.floor(Date.now() / 1000),
    );
    expect(vector).toEqual([]);
  });
});
