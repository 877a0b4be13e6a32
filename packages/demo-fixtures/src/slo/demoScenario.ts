/**
 * What the demo's SLO sources show for each catalog service with SLOs
 * (catalog/slos/*.yaml): the demo Prometheus is loaded with samples of it,
 * the simulated source computes its expected values. Episode times are
 * absolute seconds, fixed when the demo starts, so the cached part of the
 * history and the live exporter agree.
 */

/** A period during which a share of the requests fail (`from < t <= to`). */
export interface DemoErrorEpisode {
  fromSeconds: number;
  /** `Infinity` for an episode that is still going on (the live exporter keeps it up) */
  toSeconds: number;
  errorRatio: number;
  /** how the failures split over status codes; shares sum to 1 */
  codeShares: Record<string, number>;
}

/** Latency histogram (`http_request_duration_seconds`) of a service. */
export interface DemoLatency {
  /** finite upper bounds in seconds, ascending; +Inf is implicit */
  bucketBounds: readonly number[];
  /** cumulative share of requests at or below each bound */
  cumulativeShares: readonly number[];
}

/** Traffic and failures of one demo service. */
export interface DemoServiceProfile {
  service: string;
  /** mean requests per minute; 0 = deployed, exported, never called */
  requestsPerMinute: number;
  baselineErrorRatio: number;
  baselineErrorCode: string;
  errorEpisodes: readonly DemoErrorEpisode[];
  latency?: DemoLatency;
}

/** The demo's services, given the instants the scenario is anchored to. */
export interface DemoScenario {
  seed: string;
  services: readonly DemoServiceProfile[];
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/**
 * The step {@link demoCacheBoundary} aligns to: promtool's backfill block
 * length, 18 hours, so the demo Prometheus' cached blocks and the blocks it
 * writes at every start never overlap (test/prometheus/demo/
 * ensureDemoHistoryCache.ts refuses to run if the two differ).
 */
export const DEMO_BOUNDARY_STEP_SECONDS = 18 * HOUR;

/**
 * The instant that anchors the scenario's old episodes and splits the demo
 * Prometheus' cached history from the part generated at every start: the
 * last multiple of {@link DEMO_BOUNDARY_STEP_SECONDS} at least 3 hours before
 * `endSeconds`. 3 hours back, so the "burning now" episode (the last 90
 * minutes) is always in the per-start part.
 */
export function demoCacheBoundary(endSeconds: number): number {
  return (
    Math.floor((endSeconds - 3 * HOUR) / DEMO_BOUNDARY_STEP_SECONDS) *
    DEMO_BOUNDARY_STEP_SECONDS
  );
}

/**
 * The demo fleet's SLI behaviour:
 *
 * - `checkout-api` healthy: 0.02 % 5xx (99.9 % SLO), 0.3 % of requests slower
 *   than 300 ms (99 % latency SLO), with the `le="0.3"` bucket its SLO reads.
 * - `payments-gateway` burning fast now: 3 % 503s since 90 minutes before the
 *   demo started, still going on (1h and 5m burn rate ~30 > 14.4: page).
 * - `search-api` budget exhausted: 35 % 5xx for 12 hours six days before the
 *   cache boundary (~1.3× a 99.5 % budget over 28 days), healthy since.
 * - `recommendations` no traffic: its counter exists and stays at 0.
 *
 * `boundarySeconds` anchors old episodes (it is part of the cache key, so the
 * cached history never changes under a given key); `endSeconds` (the demo's
 * start) anchors the episode that is happening now.
 */
export function demoScenario(
  boundarySeconds: number,
  endSeconds: number,
): DemoScenario {
  return {
    seed: 'preflight-demo-sli-v1',
    services: [
      {
        service: 'checkout-api',
        requestsPerMinute: 300,
        baselineErrorRatio: 0.0002,
        baselineErrorCode: '500',
        errorEpisodes: [],
        latency: {
          bucketBounds: [0.1, 0.3, 0.5, 1],
          cumulativeShares: [0.62, 0.997, 0.9993, 0.9999],
        },
      },
      {
        service: 'payments-gateway',
        requestsPerMinute: 150,
        baselineErrorRatio: 0.0002,
        baselineErrorCode: '500',
        errorEpisodes: [
          {
            fromSeconds: endSeconds - 90 * MINUTE,
            toSeconds: Infinity,
            errorRatio: 0.03,
            codeShares: { '503': 1 },
          },
        ],
      },
      {
        service: 'search-api',
        requestsPerMinute: 200,
        baselineErrorRatio: 0.0003,
        baselineErrorCode: '500',
        errorEpisodes: [
          {
            fromSeconds: boundarySeconds - 6 * DAY - 12 * HOUR,
            toSeconds: boundarySeconds - 6 * DAY,
            errorRatio: 0.35,
            codeShares: { '500': 0.75, '502': 0.25 },
          },
        ],
      },
      {
        service: 'recommendations',
        requestsPerMinute: 0,
        baselineErrorRatio: 0,
        baselineErrorCode: '500',
        errorEpisodes: [],
      },
    ],
  };
}
