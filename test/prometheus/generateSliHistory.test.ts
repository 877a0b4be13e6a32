import { generateSliHistory, SliHistory } from './generateSliHistory';
import {
  expectedLatencyCounts,
  expectedRequestCounts,
  sumIncrease,
} from './expectedSliValues';
import {
  DAY_SECONDS,
  HOUR_SECONDS,
  MINUTE_SECONDS,
  SLI_HISTORY_END_SECONDS,
  SLI_SCENARIO,
} from './sliScenario';

// The scenario's claims ("healthy", "burning fast", "exhausted", ...) are
// checked here against the raw samples with a 99.9 % availability objective
// and a 99 % latency objective (requests at or below 0.5 s), independently of
// Prometheus and of the product's SLO arithmetic.
const AVAILABILITY_BUDGET = 0.001;
const LATENCY_BUDGET = 0.01;
const WINDOW_30D = 30 * DAY_SECONDS;

describe('generateSliHistory', () => {
  let history: SliHistory;
  const end = SLI_HISTORY_END_SECONDS;

  beforeAll(() => {
    history = generateSliHistory(SLI_SCENARIO);
  });

  const errorRatio = (service: string, window: number, at = end) => {
    const counts = expectedRequestCounts(history, service, window, at)!;
    return counts.failed / counts.total;
  };

  it('covers 30 days plus margin at 1-minute resolution, ending at the fixed anchor', () => {
    expect(history.endSeconds).toBe(Date.UTC(2025, 0, 15, 12) / 1000);
    expect(history.stepSeconds).toBe(MINUTE_SECONDS);
    expect(history.endSeconds - history.startSeconds).toBeGreaterThan(
      WINDOW_30D,
    );
    expect(history.sampleCount).toBe(32 * 1440 + 1);
    for (const series of history.series) {
      expect(series.values).toHaveLength(history.sampleCount);
    }
  });

  it('is deterministic', () => {
    // two days keep this fast; the code path is the same as for 32
    const short = { ...SLI_SCENARIO, days: 2 };
    const first = generateSliHistory(short);
    const second = generateSliHistory(short);
    expect(second.series.map(s => s.labels)).toEqual(
      first.series.map(s => s.labels),
    );
    second.series.forEach((series, k) => {
      expect(
        Buffer.from(series.values.buffer).equals(
          Buffer.from(first.series[k].values.buffer),
        ),
      ).toBe(true);
      expect(
        Buffer.from(series.increments.buffer).equals(
          Buffer.from(first.series[k].increments.buffer),
        ),
      ).toBe(true);
    });
  });

  it('produces counters that only drop at the declared process restart', () => {
    const drops: string[] = [];
    const inconsistent: string[] = [];
    for (const series of history.series) {
      const { values, increments } = series;
      for (let i = 1; i < history.sampleCount; i++) {
        const restarted = values[i] < values[i - 1];
        const exposed = restarted ? values[i] : values[i] - values[i - 1];
        if (increments[i] < 0 || Math.abs(exposed - increments[i]) > 1e-6) {
          inconsistent.push(
            `${series.name}${JSON.stringify(series.labels)}@${i}`,
          );
        }
        if (restarted) {
          drops.push(
            `${series.labels.service}@${history.startSeconds + i * 60}`,
          );
        }
      }
    }
    expect(inconsistent).toEqual([]);
    const restart = end - (5 * DAY_SECONDS + 7 * HOUR_SECONDS + 13 * 60);
    const restartSample = Math.ceil(restart / 60) * 60;
    expect(new Set(drops)).toEqual(new Set([`checkout-api@${restartSample}`]));
  });

  it('keeps histogram buckets cumulative with +Inf equal to _count', () => {
    const at = end;
    const window = WINDOW_30D;
    const bounds = ['0.1', '0.25', '0.5', '1', '+Inf'];
    const buckets = bounds.map(
      le =>
        sumIncrease(
          history,
          {
            name: 'http_request_duration_seconds_bucket',
            labels: { service: 'api-gateway', le },
          },
          window,
          at,
        )!,
    );
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
    const count = sumIncrease(
      history,
      {
        name: 'http_request_duration_seconds_count',
        labels: { service: 'api-gateway' },
      },
      window,
      at,
    );
    expect(buckets[4]).toBe(count);
    expect(
      expectedRequestCounts(history, 'api-gateway', window, at)!.total,
    ).toBe(count);
  });

  it('has a healthy checkout-api well inside a 99.9 % budget', () => {
    expect(errorRatio('checkout-api', WINDOW_30D)).toBeLessThan(
      AVAILABILITY_BUDGET / 2,
    );
    expect(errorRatio('checkout-api', HOUR_SECONDS)).toBeLessThan(
      AVAILABILITY_BUDGET,
    );
  });

  it('has search-api burning fast over the last 90 minutes (page-level burn)', () => {
    for (const window of [5 * MINUTE_SECONDS, HOUR_SECONDS]) {
      const ratio = errorRatio('search-api', window);
      expect(ratio).toBeGreaterThan(0.17);
      expect(ratio).toBeLessThan(0.23);
      expect(ratio / AVAILABILITY_BUDGET).toBeGreaterThan(14.4);
    }
    // quiet before the episode, and its 30-day budget is not yet exhausted
    expect(
      errorRatio('search-api', HOUR_SECONDS, end - 2 * HOUR_SECONDS),
    ).toBeLessThan(AVAILABILITY_BUDGET);
    expect(errorRatio('search-api', WINDOW_30D)).toBeLessThan(
      AVAILABILITY_BUDGET,
    );
    const failedCodes = history.series
      .filter(s => s.labels.service === 'search-api' && s.labels.code !== '200')
      .map(s => s.labels.code);
    expect(failedCodes.sort()).toEqual(['500', '502']);
  });

  it('has payments-gateway with its 30-day budget exhausted by an episode ten days ago', () => {
    expect(errorRatio('payments-gateway', WINDOW_30D)).toBeGreaterThan(
      1.5 * AVAILABILITY_BUDGET,
    );
    expect(errorRatio('payments-gateway', HOUR_SECONDS)).toBeLessThan(
      AVAILABILITY_BUDGET,
    );
    const episodeEnd = end - 10 * DAY_SECONDS;
    expect(
      errorRatio('payments-gateway', 12 * HOUR_SECONDS, episodeEnd),
    ).toBeGreaterThan(0.1);
  });

  it('has recommendations exporting a counter that never moves', () => {
    const counts = expectedRequestCounts(
      history,
      'recommendations',
      WINDOW_30D,
      end,
    );
    expect(counts).toEqual({ total: 0, failed: 0 });
    const series = history.series.filter(
      s => s.labels.service === 'recommendations',
    );
    expect(series.map(s => s.labels.code)).toEqual(['200']);
    expect(series[0].values.every(v => v === 0)).toBe(true);
  });

  it('has api-gateway with a latency episode two days ago that uses most of a 99 % budget', () => {
    const slowShare = (window: number, at = end) => {
      const counts = expectedLatencyCounts(
        history,
        'api-gateway',
        '0.5',
        window,
        at,
      )!;
      return 1 - counts.fast / counts.total;
    };
    expect(slowShare(WINDOW_30D)).toBeGreaterThan(LATENCY_BUDGET / 2);
    expect(slowShare(WINDOW_30D)).toBeLessThan(LATENCY_BUDGET);
    expect(slowShare(6 * HOUR_SECONDS, end - 2 * DAY_SECONDS)).toBeGreaterThan(
      0.3,
    );
    expect(slowShare(6 * HOUR_SECONDS)).toBeLessThan(LATENCY_BUDGET);
  });

  it('refuses expected values Prometheus could not reproduce exactly', () => {
    const selector = { name: 'http_requests_total' };
    expect(() => sumIncrease(history, selector, 90, end)).toThrow(
      /not aligned/,
    );
    expect(() => sumIncrease(history, selector, 300, end - 30)).toThrow(
      /not aligned/,
    );
    expect(() => sumIncrease(history, selector, 40 * DAY_SECONDS, end)).toThrow(
      /outside/,
    );
    expect(() => sumIncrease(history, selector, 300, end + 300)).toThrow(
      /outside/,
    );
    expect(
      sumIncrease(history, { name: 'no_such_metric' }, 300, end),
    ).toBeUndefined();
  });
});
