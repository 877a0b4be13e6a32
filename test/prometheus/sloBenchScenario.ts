import {
  DAY_SECONDS,
  HOUR_SECONDS,
  MINUTE_SECONDS,
  SLI_HISTORY_END_SECONDS,
  ServiceTrafficProfile,
  SliScenario,
} from './sliScenario';

/** Name of the i-th service of {@link sloBenchScenario}, e.g. `bench-svc-007`. */
export function sloBenchServiceName(index: number): string {
  return `bench-svc-${String(index).padStart(3, '0')}`;
}

/**
 * One service of the benchmark fleet. Traffic, error rates and incidents vary
 * with the index (deterministically) so that SLOs of one shape have different
 * counts and a mix-up between services in a grouped query shows up. Every
 * service exports exactly two series, `code="200"` and `code="500"`.
 */
function benchService(index: number): ServiceTrafficProfile {
  const incident = index % 7 === 0;
  return {
    service: sloBenchServiceName(index),
    requestsPerMinute: 40 + ((index * 37) % 460),
    baselineErrorRatio: 0.0001 * (1 + (index % 12)),
    baselineErrorCode: '500',
    // Every 7th service had a 2–8 hour incident at 5 % errors somewhere in
    // the last 20 days, so burn rates and budgets differ between services.
    errorEpisodes: incident
      ? [
          {
            startOffsetSeconds: -(
              (1 + (index % 20)) * DAY_SECONDS +
              (2 + (index % 7)) * HOUR_SECONDS
            ),
            endOffsetSeconds: -(1 + (index % 20)) * DAY_SECONDS,
            errorRatio: 0.05,
            codeShares: { '500': 1 },
          },
        ]
      : [],
    // Every 11th service restarted once (a counter reset Prometheus must handle).
    counterResetOffsets:
      index % 11 === 0 ? [-((3 + (index % 9)) * DAY_SECONDS + 5 * 60)] : [],
  };
}

/**
 * The SLI history of the SLO benchmark (`test/bench/slo-measure.bench.ts`):
 * `services` services × 2 series of `http_requests_total` over 32 days (a
 * 30-day SLO window plus margin) at 5-minute samples, ending at the harness'
 * fixed {@link SLI_HISTORY_END_SECONDS}. 200 services give 400 series and
 * ~3.7 M samples; the coarser step keeps generation, backfill and the largest
 * grouped query (600 series × 8,640 samples over 30 days, far below
 * Prometheus' 50 M samples-per-query limit) within a 2-core machine.
 */
export function sloBenchScenario(services = 200): SliScenario {
  return {
    seed: 'preflight-slo-bench-v1',
    endSeconds: SLI_HISTORY_END_SECONDS,
    days: 32,
    stepSeconds: 5 * MINUTE_SECONDS,
    services: Array.from({ length: services }, (_, i) => benchService(i)),
  };
}
