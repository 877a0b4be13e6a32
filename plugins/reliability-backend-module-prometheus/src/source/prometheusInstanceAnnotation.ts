/**
 * Entity annotation naming the configured Prometheus instance its SLOs read,
 * e.g. `preflight.dev/prometheus-instance: mimir-eu`. An OpenSLO
 * `metricSourceRef` on the SLI wins over it. (Proposed for -common's
 * `annotations.ts`; defined here until it moves.)
 * @public
 */
export const ANNOTATION_PROMETHEUS_INSTANCE =
  'preflight.dev/prometheus-instance';
