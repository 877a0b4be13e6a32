import { createSliRandom, type SliRandom } from '@preflight/demo-fixtures';
import {
  LatencyProfile,
  ServiceTrafficProfile,
  SliScenario,
} from './sliScenario';

/** One generated time series with its samples and the true per-sample increments. */
export interface GeneratedSeries {
  /** metric name as Prometheus stores it, e.g. `http_requests_total` */
  name: string;
  /** OpenMetrics metric family name, e.g. `http_requests` */
  family: string;
  type: 'counter' | 'histogram';
  labels: Readonly<Record<string, string>>;
  /** exposed value at each sample (cumulative, drops to ~0 at a restart) */
  values: Float64Array;
  /**
   * Ground truth: what happened in the interval that ends at each sample
   * (`increments[0]` is 0, the history starts there). Expected values are sums
   * of these, never differences of `values`, so Prometheus' reset handling is
   * checked rather than assumed.
   */
  increments: Float64Array;
}

/** A generated SLI history: samples at `startSeconds + i * stepSeconds`. */
export interface SliHistory {
  startSeconds: number;
  endSeconds: number;
  stepSeconds: number;
  sampleCount: number;
  series: readonly GeneratedSeries[];
}

const REQUESTS_FAMILY = 'http_requests';
const DURATION_FAMILY = 'http_request_duration_seconds';
/**
 * A representative latency (whole ms) per bucket for `_sum`: the middle of
 * each finite bucket, twice the top bound above it.
 */
function representativeMilliseconds(bounds: readonly number[]): number[] {
  return [
    ...bounds.map((bound, k) =>
      Math.round(((k ? bounds[k - 1] : 0) + bound) * 500),
    ),
    Math.round(bounds[bounds.length - 1] * 2000),
  ];
}

/** Builds a generated series with room for every sample. */
function newSeries(
  name: string,
  family: string,
  type: GeneratedSeries['type'],
  labels: Record<string, string>,
  sampleCount: number,
): GeneratedSeries {
  return {
    name,
    family,
    type,
    labels,
    values: new Float64Array(sampleCount),
    increments: new Float64Array(sampleCount),
  };
}

/** Rounds up with probability equal to the fraction, so sums stay unbiased. */
function stochasticRound(value: number, random: SliRandom): number {
  return Math.floor(value + random.next());
}

/** Traffic is higher in the (UTC) afternoon, as real traffic would be. */
function diurnalFactor(timeSeconds: number): number {
  const dayFraction = (timeSeconds % 86400) / 86400;
  return 1 + 0.3 * Math.cos(2 * Math.PI * (dayFraction - 15 / 24));
}

/** Whether the sample at `offset` (seconds from the end) lies in the episode. */
function inEpisode(
  episode: { startOffsetSeconds: number; endOffsetSeconds: number },
  offset: number,
): boolean {
  return (
    offset > episode.startOffsetSeconds && offset <= episode.endOffsetSeconds
  );
}

/** All status codes a service ever answers with, sorted for stable output. */
function statusCodes(profile: ServiceTrafficProfile): string[] {
  const codes = new Set(['200']);
  if (profile.baselineErrorRatio > 0) {
    codes.add(profile.baselineErrorCode);
  }
  for (const episode of profile.errorEpisodes) {
    Object.keys(episode.codeShares).forEach(code => codes.add(code));
  }
  return [...codes].sort();
}

/** How failures split over status codes during one kind of interval. */
interface FailurePlan {
  startOffsetSeconds: number;
  endOffsetSeconds: number;
  errorRatio: number;
  /** index into the service's status codes, and share of the failures */
  codeIndexes: number[];
  codeShares: number[];
}

/**
 * The service's failure plans, episodes first and the baseline last (with an
 * infinite range). Precomputed with plain arrays because the generation loop
 * runs once per sample and is slow under Jest's transforms otherwise.
 */
function failurePlans(
  profile: ServiceTrafficProfile,
  codes: string[],
): FailurePlan[] {
  const plan = (
    startOffsetSeconds: number,
    endOffsetSeconds: number,
    errorRatio: number,
    shares: Record<string, number>,
  ): FailurePlan => ({
    startOffsetSeconds,
    endOffsetSeconds,
    errorRatio,
    codeIndexes: Object.keys(shares).map(code => codes.indexOf(code)),
    codeShares: Object.values(shares),
  });
  return [
    ...profile.errorEpisodes.map(e =>
      plan(
        e.startOffsetSeconds,
        e.endOffsetSeconds,
        e.errorRatio,
        e.codeShares,
      ),
    ),
    plan(-Infinity, Infinity, profile.baselineErrorRatio, {
      [profile.baselineErrorCode]: 1,
    }),
  ];
}

/** The histogram's cumulative shares in effect at `offset`. */
function latencySharesAt(
  latency: LatencyProfile,
  offset: number,
): readonly number[] {
  for (const episode of latency.episodes) {
    if (inEpisode(episode, offset)) {
      return episode.cumulativeShares;
    }
  }
  return latency.cumulativeShares;
}

/** Generates the series of one service. */
function generateService(
  scenario: SliScenario,
  profile: ServiceTrafficProfile,
  startSeconds: number,
  sampleCount: number,
): GeneratedSeries[] {
  const random = createSliRandom(`${scenario.seed}:${profile.service}`);
  const codes = statusCodes(profile);
  const okIndex = codes.indexOf('200');
  const requestSeries = codes.map(code =>
    newSeries(
      `${REQUESTS_FAMILY}_total`,
      REQUESTS_FAMILY,
      'counter',
      { service: profile.service, code },
      sampleCount,
    ),
  );
  const latency = profile.latency;
  const bucketSeries = (
    latency ? [...latency.bucketBounds.map(String), '+Inf'] : []
  ).map(le =>
    newSeries(
      `${DURATION_FAMILY}_bucket`,
      DURATION_FAMILY,
      'histogram',
      { service: profile.service, le },
      sampleCount,
    ),
  );
  const histogramSeries = (suffix: string) =>
    newSeries(
      `${DURATION_FAMILY}_${suffix}`,
      DURATION_FAMILY,
      'histogram',
      { service: profile.service },
      sampleCount,
    );
  const countSeries = latency ? histogramSeries('count') : undefined;
  const sumSeries = latency ? histogramSeries('sum') : undefined;

  // Counters of a long-running process do not start at zero.
  const warmupRequests = profile.requestsPerMinute * random.int(600, 3000);
  const warmupShare = (code: string) => {
    if (code === '200') {
      return 1 - profile.baselineErrorRatio;
    }
    return code === profile.baselineErrorCode ? profile.baselineErrorRatio : 0;
  };
  requestSeries.forEach((series, c) => {
    series.values[0] = Math.round(warmupRequests * warmupShare(codes[c]));
  });
  // The histogram starts with the warm-up requests in the fastest bucket;
  // only increments matter for the SLIs. Its _sum is accumulated in integer
  // milliseconds so that it stays exact, and exposed in seconds.
  bucketSeries.forEach(series => (series.values[0] = warmupRequests));
  const bucketMs = latency
    ? representativeMilliseconds(latency.bucketBounds)
    : [];
  let sumMilliseconds = latency ? warmupRequests * bucketMs[0] : 0;
  if (countSeries && sumSeries) {
    countSeries.values[0] = warmupRequests;
    sumSeries.values[0] = sumMilliseconds / 1000;
  }

  const resetOffsets = new Set(
    (profile.counterResetOffsets ?? []).map(
      offset => Math.ceil(offset / scenario.stepSeconds) * scenario.stepSeconds,
    ),
  );
  const plans = failurePlans(profile, codes);
  const perCode = new Float64Array(codes.length);
  const requestsPerStep =
    (profile.requestsPerMinute * scenario.stepSeconds) / 60;

  for (let i = 1; i < sampleCount; i++) {
    const time = startSeconds + i * scenario.stepSeconds;
    const offset = time - scenario.endSeconds;
    const restarted = resetOffsets.has(offset);
    const requests =
      requestsPerStep === 0
        ? 0
        : stochasticRound(
            requestsPerStep * diurnalFactor(time) * (0.9 + 0.2 * random.next()),
            random,
          );

    let plan = plans[plans.length - 1];
    for (let p = 0; p < plans.length - 1; p++) {
      if (inEpisode(plans[p], offset)) {
        plan = plans[p];
        break;
      }
    }
    perCode.fill(0);
    let failed = 0;
    for (let k = 0; k < plan.codeIndexes.length; k++) {
      const count = Math.min(
        requests - failed,
        stochasticRound(
          requests * plan.errorRatio * plan.codeShares[k],
          random,
        ),
      );
      perCode[plan.codeIndexes[k]] += count;
      failed += count;
    }
    perCode[okIndex] = requests - failed;
    for (let c = 0; c < requestSeries.length; c++) {
      const series = requestSeries[c];
      series.increments[i] = perCode[c];
      // After a restart the counter starts again from zero and has counted
      // this interval's requests since.
      series.values[i] = (restarted ? 0 : series.values[i - 1]) + perCode[c];
    }

    if (latency && countSeries && sumSeries) {
      const shares = latencySharesAt(latency, offset);
      let previous = 0;
      let intervalMs = 0;
      for (let k = 0; k < bucketSeries.length; k++) {
        const count =
          k === shares.length
            ? requests
            : Math.min(
                requests,
                Math.max(
                  previous,
                  stochasticRound(requests * shares[k], random),
                ),
              );
        intervalMs += (count - previous) * bucketMs[k];
        previous = count;
        const series = bucketSeries[k];
        series.increments[i] = count;
        series.values[i] = (restarted ? 0 : series.values[i - 1]) + count;
      }
      countSeries.increments[i] = requests;
      countSeries.values[i] =
        (restarted ? 0 : countSeries.values[i - 1]) + requests;
      sumMilliseconds = (restarted ? 0 : sumMilliseconds) + intervalMs;
      sumSeries.increments[i] = intervalMs / 1000;
      sumSeries.values[i] = sumMilliseconds / 1000;
    }
  }
  return [
    ...requestSeries,
    ...bucketSeries,
    ...(countSeries && sumSeries ? [countSeries, sumSeries] : []),
  ];
}

/**
 * Generates the scenario's samples deterministically: the same scenario always
 * yields bit-identical series.
 */
export function generateSliHistory(scenario: SliScenario): SliHistory {
  if (scenario.endSeconds % scenario.stepSeconds !== 0) {
    throw new Error(
      `SLI history end ${scenario.endSeconds} is not a multiple of the step ${scenario.stepSeconds}s`,
    );
  }
  const sampleCount = (scenario.days * 86400) / scenario.stepSeconds + 1;
  if (!Number.isInteger(sampleCount)) {
    throw new Error('SLI history days must be a whole number of steps');
  }
  const startSeconds =
    scenario.endSeconds - (sampleCount - 1) * scenario.stepSeconds;
  return {
    startSeconds,
    endSeconds: scenario.endSeconds,
    stepSeconds: scenario.stepSeconds,
    sampleCount,
    series: scenario.services.flatMap(profile =>
      generateService(scenario, profile, startSeconds, sampleCount),
    ),
  };
}
