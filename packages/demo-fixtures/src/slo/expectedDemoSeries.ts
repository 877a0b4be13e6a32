import type { DemoScenario, DemoServiceProfile } from './demoScenario';
import { diurnalFactor, statusCodes } from './demoTraffic';

/** One counter of the demo scenario and its expected increase per second. */
export interface ExpectedDemoSeries {
  metric: string;
  labels: Readonly<Record<string, string>>;
  /** Expected increase per second at `timeSeconds` (no random noise). */
  ratePerSecond(timeSeconds: number): number;
}

function requestRate(profile: DemoServiceProfile, time: number): number {
  return (profile.requestsPerMinute / 60) * diurnalFactor(time);
}

function episodeAt(profile: DemoServiceProfile, time: number) {
  return profile.errorEpisodes.find(
    e => time > e.fromSeconds && time <= e.toSeconds,
  );
}

/** Share of a service's requests answered with `code` at `time`. */
function codeShare(
  profile: DemoServiceProfile,
  code: string,
  time: number,
): number {
  const episode = episodeAt(profile, time);
  const errorRatio = episode?.errorRatio ?? profile.baselineErrorRatio;
  if (code === '200') {
    return 1 - errorRatio;
  }
  const shares = episode?.codeShares ?? { [profile.baselineErrorCode]: 1 };
  return errorRatio * (shares[code] ?? 0);
}

function serviceSeries(profile: DemoServiceProfile): ExpectedDemoSeries[] {
  const service = profile.service;
  const series: ExpectedDemoSeries[] = statusCodes(profile).map(code => ({
    metric: 'http_requests_total',
    labels: { service, code },
    ratePerSecond: t => requestRate(profile, t) * codeShare(profile, code, t),
  }));
  const latency = profile.latency;
  if (latency) {
    latency.bucketBounds.forEach((bound, k) => {
      series.push({
        metric: 'http_request_duration_seconds_bucket',
        labels: { service, le: String(bound) },
        ratePerSecond: t =>
          requestRate(profile, t) * latency.cumulativeShares[k],
      });
    });
    for (const [metric, le] of [
      ['http_request_duration_seconds_bucket', '+Inf'],
      ['http_request_duration_seconds_count', undefined],
    ] as const) {
      series.push({
        metric,
        labels: le ? { service, le } : { service },
        ratePerSecond: t => requestRate(profile, t),
      });
    }
  }
  return series;
}

/**
 * The counters the demo Prometheus is loaded with, as expected rates: the
 * scenario's request rate, error episodes and latency shares without the
 * history's random noise, so the simulated source reads like the mean of the
 * real demo.
 */
export function expectedDemoSeries(
  scenario: DemoScenario,
): ExpectedDemoSeries[] {
  return scenario.services.flatMap(serviceSeries);
}
