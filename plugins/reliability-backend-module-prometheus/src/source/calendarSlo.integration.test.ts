/**
 * Issue 14: a calendar-month SLO on a real Prometheus is measured from the
 * start of the current month in its time zone — not over the last 30 days —
 * with data spanning the month boundary and a DST change, and its figures
 * equal the raw samples'.
 *
 * The history is small (one service, 9 days at one sample a minute) and ends
 * on 2024-11-03 12:00 UTC. Berlin left summer time on 2024-10-27, so
 * November starts at 00:00 CET = 2024-10-31 23:00 UTC; the SLO's start time
 * is in summer (CEST), so taking the anchor's offset would start the month
 * an hour early, at 22:00 UTC, and take in the last local hour of October —
 * which the history fills with errors to make that visible.
 */
import {
  computeBurnDownSeries,
  evaluateSloBudget,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import {
  DAY_SECONDS,
  HOUR_SECONDS,
  MINUTE_SECONDS,
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  type PrometheusHarness,
  type SliScenario,
  startPrometheusWithSliHistory,
  sumIncrease,
} from '@internal/preflight-test/prometheus';
import { availabilitySlo } from '../__testUtils__/sloDefinition';
import { harnessSloSource } from '../__testUtils__/harnessSloSource';

const SERVICE = 'billing-api';
const END_SECONDS = Date.UTC(2024, 10, 3, 12, 0, 0) / 1000;
/** 2024-11-01 00:00 in Europe/Berlin (CET, UTC+1), worked out by hand. */
const NOVEMBER_START_SECONDS = Date.UTC(2024, 9, 31, 23, 0, 0) / 1000;
/** 2024-12-01 00:00 CET. */
const DECEMBER_START_SECONDS = Date.UTC(2024, 10, 30, 23, 0, 0) / 1000;

const offset = (seconds: number) => seconds - END_SECONDS;

const SCENARIO: SliScenario = {
  seed: 'preflight-calendar-month-v1',
  endSeconds: END_SECONDS,
  days: 9,
  stepSeconds: MINUTE_SECONDS,
  services: [
    {
      service: SERVICE,
      requestsPerMinute: 120,
      baselineErrorRatio: 0.0005,
      baselineErrorCode: '500',
      errorEpisodes: [
        // Before the DST change (2024-10-27 01:00 UTC): in a rolling 30-day
        // window, not in November.
        {
          startOffsetSeconds: offset(Date.UTC(2024, 9, 26, 18) / 1000),
          endOffsetSeconds: offset(Date.UTC(2024, 9, 26, 20) / 1000),
          errorRatio: 0.3,
          codeShares: { '503': 1 },
        },
        // The last local hour of October (23:00–24:00 CET).
        {
          startOffsetSeconds: offset(NOVEMBER_START_SECONDS - HOUR_SECONDS),
          endOffsetSeconds: offset(NOVEMBER_START_SECONDS),
          errorRatio: 0.5,
          codeShares: { '500': 1 },
        },
        // The first local hour of November.
        {
          startOffsetSeconds: offset(NOVEMBER_START_SECONDS),
          endOffsetSeconds: offset(NOVEMBER_START_SECONDS + HOUR_SECONDS),
          errorRatio: 0.02,
          codeShares: { '502': 1 },
        },
      ],
    },
  ],
};

let prometheus: PrometheusHarness;

beforeAll(async () => {
  prometheus = await startPrometheusWithSliHistory({ scenario: SCENARIO });
}, PROMETHEUS_HARNESS_TIMEOUT_MS);

afterAll(() => prometheus?.stop());

const monthly: SloDefinition = availabilitySlo(SERVICE, {
  target: 0.99,
  window: '1M',
  windowSeconds: 30 * DAY_SECONDS,
  rolling: false,
  calendar: { startTime: '2024-07-01 00:00:00', timeZone: 'Europe/Berlin' },
});

/** 5xx and all requests over `(at − window, at]`, from the raw samples. */
function rawCounts(windowSeconds: number, at = END_SECONDS) {
  const name = 'http_requests_total';
  return {
    bad:
      sumIncrease(
        prometheus.history,
        { name, labels: { service: SERVICE, code: /5../ } },
        windowSeconds,
        at,
      ) ?? 0,
    total: sumIncrease(
      prometheus.history,
      { name, labels: { service: SERVICE } },
      windowSeconds,
      at,
    )!,
  };
}

describe('a calendar-month SLO on real Prometheus measurements', () => {
  it('measures from the start of the month in its zone, across the DST change, as the raw samples give', async () => {
    expect(prometheus.evaluationTimeSeconds).toBe(END_SECONDS);
    const source = harnessSloSource(prometheus);
    const [measurement] = (await source.measure([{ definition: monthly }]))
      .measurements;
    expect(measurement.errors).toEqual([]);
    expect(measurement.warnings).toEqual([]);

    const elapsed = END_SECONDS - NOVEMBER_START_SECONDS; // 61 hours
    const month = rawCounts(elapsed);
    expect(measurement.period).toEqual({
      good: month.total - month.bad,
      total: month.total,
    });
    // The month is not the last 30 days, nor a month started an hour early.
    const hourEarly = rawCounts(elapsed + HOUR_SECONDS);
    expect(hourEarly.bad - month.bad).toBeGreaterThan(1000);

    const evaluation = evaluateSloBudget({
      objective: monthly.target,
      periodSeconds: monthly.windowSeconds,
      period: measurement.period ?? null,
      windows: measurement.windows,
    });
    const attainment = 1 - month.bad / month.total;
    expect(evaluation.attainment).toBeCloseTo(attainment, 12);
    expect(evaluation.budgetRemaining).toBeCloseTo(
      1 - (1 - attainment) / 0.01,
      12,
    );

    // Burn-rate alerting stays on rolling windows: the 1h window is the
    // last hour, whatever the month.
    const lastHour = rawCounts(HOUR_SECONDS);
    expect(measurement.windows['1h']).toEqual({
      good: lastHour.total - lastHour.bad,
      total: lastHour.total,
    });

    // The burn-down starts at the month's start, one bucket per hour, and
    // its ideal line runs to the reset on 1 December.
    const burnDown = measurement.burnDown!;
    expect(burnDown.windowStart).toBe(
      new Date(NOVEMBER_START_SECONDS * 1000).toISOString(),
    );
    expect(burnDown.buckets).toHaveLength(61);
    const firstHour = rawCounts(
      HOUR_SECONDS,
      NOVEMBER_START_SECONDS + HOUR_SECONDS,
    );
    expect(burnDown.buckets[0]).toEqual({
      timestamp: new Date(
        (NOVEMBER_START_SECONDS + HOUR_SECONDS) * 1000,
      ).toISOString(),
      good: firstHour.total - firstHour.bad,
      total: firstHour.total,
    });
    const points = computeBurnDownSeries({
      objective: monthly.target,
      periodSeconds: DECEMBER_START_SECONDS - NOVEMBER_START_SECONDS,
      windowStart: burnDown.windowStart,
      buckets: burnDown.buckets,
    });
    expect(points.at(-1)!.budgetRemaining).toBeCloseTo(
      evaluation.budgetRemaining!,
      12,
    );
    // 61 of the month's 720 hours have passed.
    expect(points.at(-1)!.idealBudgetRemaining).toBeCloseTo(1 - 61 / 720, 12);
  });
});
