/**
 * The SLI scenario the real-Prometheus tests run against: which services
 * exist, how much traffic they get and when they fail. Everything is relative
 * to the history's end, so the same scenario can be generated for any end time
 * (the tests use the fixed {@link SLI_HISTORY_END_SECONDS}; a demo could use
 * "now minus 3 hours").
 */

/** One minute in seconds. */
export const MINUTE_SECONDS = 60;
/** One hour in seconds. */
export const HOUR_SECONDS = 60 * MINUTE_SECONDS;
/** One day in seconds. */
export const DAY_SECONDS = 24 * HOUR_SECONDS;

/**
 * The fixed end of the generated history (2025-01-15T12:00:00Z, a whole
 * minute) and the instant every test query is evaluated at. It is fixed rather
 * than derived from the wall clock so that the data, the cached TSDB blocks and
 * every expected value are the same on every run and machine, and it lies far
 * more than 3 hours in the past, so backfilled blocks can never overlap the
 * head block of the server. A query that forgets its explicit `time` is
 * evaluated at the real "now", where this history has no samples, so such a
 * bug shows up as an empty result instead of passing by accident.
 */
export const SLI_HISTORY_END_SECONDS = Date.UTC(2025, 0, 15, 12, 0, 0) / 1000;

/**
 * A period during which a share of the requests fail. Offsets are seconds
 * relative to the history end (negative = before it); a sample at time t
 * belongs to the episode when `end + startOffset < t <= end + endOffset`,
 * because a sample carries the requests of the minute that ends at t.
 */
export interface ErrorEpisode {
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  /** share of all requests that fail during the episode */
  errorRatio: number;
  /** how the failures split over status codes; shares sum to 1 */
  codeShares: Record<string, number>;
}

/** A period during which latencies follow another distribution. */
export interface LatencyEpisode {
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  /** cumulative share of requests at or below each bucket bound */
  cumulativeShares: readonly number[];
}

/** Latency histogram of a service (`http_request_duration_seconds`). */
export interface LatencyProfile {
  /** finite upper bucket bounds in seconds, ascending (+Inf is implicit) */
  bucketBounds: readonly number[];
  /** cumulative share of requests at or below each bound outside episodes */
  cumulativeShares: readonly number[];
  episodes: readonly LatencyEpisode[];
}

/** Traffic, failures and latency of one service. */
export interface ServiceTrafficProfile {
  service: string;
  /**
   * Mean requests per minute. 0 models a deployed service that nobody calls:
   * its `code="200"` counter is exported but never moves.
   */
  requestsPerMinute: number;
  /** share of failing requests outside episodes */
  baselineErrorRatio: number;
  /** status code of failures outside episodes */
  baselineErrorCode: string;
  errorEpisodes: readonly ErrorEpisode[];
  /**
   * Offsets (seconds before the end, negative) of process restarts: the
   * counters drop to zero and restart, as after a deploy. Prometheus must
   * account for the reset; the expected values come from the true increments.
   */
  counterResetOffsets?: readonly number[];
  latency?: LatencyProfile;
}

/** Everything the generator needs to produce a history. */
export interface SliScenario {
  /** seed prefix for the per-series pseudo random streams */
  seed: string;
  /** seconds since the epoch; must be a whole multiple of the step */
  endSeconds: number;
  /** how many days of samples end at `endSeconds` */
  days: number;
  /** sample spacing in seconds */
  stepSeconds: number;
  services: readonly ServiceTrafficProfile[];
}

/** Bounds used by the latency service; SLOs should pick one of them as threshold. */
export const LATENCY_BUCKET_BOUNDS = [0.1, 0.25, 0.5, 1] as const;

/**
 * The services and their known episodes:
 *
 * - `checkout-api` healthy: 0.02 % errors (a 99.9 % SLO burns at ~0.2),
 *   with one process restart 5 days ago.
 * - `search-api` burning fast now: 20 % errors (500 and 502) over the last
 *   90 minutes after a quiet month.
 * - `payments-gateway` budget exhausted: 12 % errors (503) for 12 hours
 *   ten days ago (at night, when traffic is low): ~1.9× a 99.9 % budget over
 *   30 days.
 * - `recommendations` no traffic: its counter exists and stays at 0.
 * - `api-gateway` latency: ~0.4 % of requests above 0.5 s, and 35 % for six
 *   hours two days ago; availability healthy.
 */
export const SLI_SCENARIO: SliScenario = {
  seed: 'preflight-sli-v1',
  endSeconds: SLI_HISTORY_END_SECONDS,
  // 30 days of SLO window plus 2 days of margin, so 30d windows evaluated up
  // to 2 days before the end still start inside the data.
  days: 32,
  stepSeconds: MINUTE_SECONDS,
  services: [
    {
      service: 'checkout-api',
      requestsPerMinute: 300,
      baselineErrorRatio: 0.0002,
      baselineErrorCode: '500',
      errorEpisodes: [],
      counterResetOffsets: [-(5 * DAY_SECONDS + 7 * HOUR_SECONDS + 13 * 60)],
    },
    {
      service: 'search-api',
      requestsPerMinute: 200,
      baselineErrorRatio: 0.0003,
      baselineErrorCode: '500',
      errorEpisodes: [
        {
          startOffsetSeconds: -90 * MINUTE_SECONDS,
          endOffsetSeconds: 0,
          errorRatio: 0.2,
          codeShares: { '500': 0.75, '502': 0.25 },
        },
      ],
    },
    {
      service: 'payments-gateway',
      requestsPerMinute: 150,
      baselineErrorRatio: 0.0002,
      baselineErrorCode: '500',
      errorEpisodes: [
        {
          startOffsetSeconds: -(10 * DAY_SECONDS + 12 * HOUR_SECONDS),
          endOffsetSeconds: -10 * DAY_SECONDS,
          errorRatio: 0.12,
          codeShares: { '503': 1 },
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
    {
      service: 'api-gateway',
      requestsPerMinute: 400,
      baselineErrorRatio: 0.0001,
      baselineErrorCode: '500',
      errorEpisodes: [],
      latency: {
        bucketBounds: LATENCY_BUCKET_BOUNDS,
        cumulativeShares: [0.7, 0.9, 0.996, 0.999],
        episodes: [
          {
            startOffsetSeconds: -(2 * DAY_SECONDS + 6 * HOUR_SECONDS),
            endOffsetSeconds: -2 * DAY_SECONDS,
            cumulativeShares: [0.2, 0.4, 0.65, 0.85],
          },
        ],
      },
    },
  ],
};
