import type { SloDefinition } from '@preflight/plugin-reliability-node';

/**
 * The path of a field of an SLO's OpenSLO document. Query checks name fields
 * relative to the indicator's spec (`ratioMetric.bad.metricSource.spec.query`);
 * this places them where they are written (`spec.indicator.spec.…` inline,
 * `SLI "<name>" spec.…` for an `indicatorRef`). Paths that are already
 * absolute (`spec.…`, `metadata.…`) are kept.
 */
export function sloFieldPath(definition: SloDefinition, field: string): string {
  if (
    !definition.indicatorPath ||
    field.startsWith('spec.') ||
    field.startsWith('metadata.')
  ) {
    return field;
  }
  return `${definition.indicatorPath}.${field}`;
}
