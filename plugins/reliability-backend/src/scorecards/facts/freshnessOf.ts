import type {
  FactFreshness,
  SourceHealth,
} from '@preflight/plugin-reliability-common';

/** How fresh the data of a source is, as checks read it. */
export function freshnessOf(health: SourceHealth): FactFreshness {
  return {
    sourceId: health.id,
    asOf: health.lastSuccessAt,
    stale: health.stale,
  };
}
