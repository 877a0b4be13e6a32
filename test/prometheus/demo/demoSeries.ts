import {
  createSliRandom,
  diurnalFactor,
  statusCodes,
  type DemoScenario,
  type DemoServiceProfile,
  type SliRandom,
} from '@preflight/demo-fixtures';
import { GeneratedSeries, SliHistory } from '../generateSliHistory';

/** Counter values of every demo series at one instant, in `demoSeriesHeaders` order. */
export type DemoCounterState = number[];

type SeriesHeader = Pick<
  GeneratedSeries,
  'name' | 'family' | 'type' | 'labels'
>;

/** The series of one service: request counters, then histogram buckets, count, sum. */
function serviceHeaders(profile: DemoServiceProfile): SeriesHeader[] {
  const headers: SeriesHeader[] = statusCodes(profile).map(code => ({
    name: 'http_requests_total',
    family: 'http_requests',
    type: 'counter',
    labels: { service: profile.service, code },
  }));
  if (profile.latency) {
    for (const le of [...profile.latency.bucketBounds.map(String), '+Inf']) {
      headers.push({
        name: 'http_request_duration_seconds_bucket',
        family: 'http_request_duration_seconds',
        type: 'histogram',
        labels: { service: profile.service, le },
      });
    }
    for (const suffix of ['count', 'sum']) {
      headers.push({
        name: `http_request_duration_seconds_${suffix}`,
        family: 'http_request_duration_seconds',
        type: 'histogram',
        labels: { service: profile.service },
      });
    }
  }
  return headers;
}

/** The demo's series in a fixed order (state arrays follow it). */
export function demoSeriesHeaders(scenario: DemoScenario): SeriesHeader[] {
  return scenario.services.flatMap(serviceHeaders);
}

/** Rounds up with probability equal to the fraction, so sums stay unbiased. */
function stochasticRound(value: number, random: SliRandom): number {
  return Math.floor(value + random.next());
}

/**
 * Adds to `out` (from `offset`) what one service served in the interval
 * `(time - stepSeconds, time]`; returns the next offset.
 */
function addServiceIncrements(
  profile: DemoServiceProfile,
  time: number,
  stepSeconds: number,
  random: SliRandom,
  out: Float64Array,
  offset: number,
): number {
  const codes = statusCodes(profile);
  const requests =
    profile.requestsPerMinute === 0
      ? 0
      : stochasticRound(
          ((profile.requestsPerMinute * stepSeconds) / 60) *
            diurnalFactor(time) *
            (0.9 + 0.2 * random.next()),
          random,
        );
  const episode = profile.errorEpisodes.find(
    e => time > e.fromSeconds && time <= e.toSeconds,
  );
  const errorRatio = episode?.errorRatio ?? profile.baselineErrorRatio;
  const shares = episode?.codeShares ?? {
    [profile.baselineErrorCode]: 1,
  };
  const failed = Math.min(
    requests,
    stochasticRound(requests * errorRatio, random),
  );
  let assigned = 0;
  const entries = Object.entries(shares);
  entries.forEach(([code, share], k) => {
    const count =
      k === entries.length - 1
        ? failed - assigned
        : Math.min(failed - assigned, stochasticRound(failed * share, random));
    assigned += count;
    out[offset + codes.indexOf(code)] += count;
  });
  out[offset + codes.indexOf('200')] += requests - failed;
  let next = offset + codes.length;
  const latency = profile.latency;
  if (latency) {
    // Cumulative buckets: each bound counts every request at or below it.
    let previous = 0;
    let sumMs = 0;
    const representativeMs = [
      ...latency.bucketBounds.map((b, k) =>
        Math.round(((k ? latency.bucketBounds[k - 1] : 0) + b) * 500),
      ),
      Math.round(latency.bucketBounds[latency.bucketBounds.length - 1] * 2000),
    ];
    latency.cumulativeShares.forEach((share, k) => {
      const cumulative = Math.max(
        previous,
        Math.min(requests, stochasticRound(requests * share, random)),
      );
      sumMs += (cumulative - previous) * representativeMs[k];
      out[next + k] += cumulative;
      previous = cumulative;
    });
    sumMs +=
      (requests - previous) * representativeMs[latency.bucketBounds.length];
    out[next + latency.bucketBounds.length] += requests; // +Inf
    next += latency.bucketBounds.length + 1;
    out[next] += requests; // _count
    out[next + 1] += sumMs / 1000; // _sum
    next += 2;
  }
  return next;
}

/** Increments of every demo series over `(time - stepSeconds, time]`. */
export function demoIncrements(
  scenario: DemoScenario,
  time: number,
  stepSeconds: number,
  randoms: readonly SliRandom[],
  seriesCount: number,
): Float64Array {
  const out = new Float64Array(seriesCount);
  let offset = 0;
  scenario.services.forEach((profile, s) => {
    offset = addServiceIncrements(
      profile,
      time,
      stepSeconds,
      randoms[s],
      out,
      offset,
    );
  });
  return out;
}

/** One pseudo-random stream per service, keyed by the segment. */
export function demoRandoms(scenario: DemoScenario, key: string): SliRandom[] {
  return scenario.services.map(p =>
    createSliRandom(`${scenario.seed}:${p.service}:${key}`),
  );
}

/** Counter values of a long-running process at the start of the history. */
export function demoInitialState(scenario: DemoScenario): DemoCounterState {
  const headers = demoSeriesHeaders(scenario);
  const random = createSliRandom(`${scenario.seed}:warmup`);
  return headers.map(h => {
    const profile = scenario.services.find(
      p => p.service === h.labels.service,
    )!;
    const base = profile.requestsPerMinute * random.int(600, 3000);
    if (h.labels.code && h.labels.code !== '200') {
      return Math.round(base * profile.baselineErrorRatio);
    }
    return h.name.endsWith('_sum') ? base / 20 : base;
  });
}

/**
 * Generates samples at `fromSeconds + i * stepSeconds` up to `toSeconds`
 * (inclusive) continuing from `state`, the counter values at
 * `fromSeconds - stepSeconds` (the first sample already carries one step).
 * Returns the history and the values at its last sample.
 */
export function generateDemoSegment(
  scenario: DemoScenario,
  state: DemoCounterState,
  fromSeconds: number,
  toSeconds: number,
  stepSeconds: number,
): { history: SliHistory; state: DemoCounterState } {
  const headers = demoSeriesHeaders(scenario);
  const sampleCount = Math.floor((toSeconds - fromSeconds) / stepSeconds) + 1;
  const series: GeneratedSeries[] = headers.map(h => ({
    ...h,
    values: new Float64Array(sampleCount),
    increments: new Float64Array(sampleCount),
  }));
  const randoms = demoRandoms(scenario, `${fromSeconds}:${stepSeconds}`);
  const current = [...state];
  for (let i = 0; i < sampleCount; i++) {
    const time = fromSeconds + i * stepSeconds;
    const increments = demoIncrements(
      scenario,
      time,
      stepSeconds,
      randoms,
      headers.length,
    );
    for (let k = 0; k < series.length; k++) {
      current[k] += increments[k];
      series[k].increments[i] = increments[k];
      series[k].values[i] = current[k];
    }
  }
  return {
    history: {
      startSeconds: fromSeconds,
      endSeconds: fromSeconds + (sampleCount - 1) * stepSeconds,
      stepSeconds,
      sampleCount,
      series,
    },
    state: current,
  };
}
