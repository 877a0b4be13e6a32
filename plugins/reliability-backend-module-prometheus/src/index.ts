/**
 * Prometheus source for Preflight: measures OpenSLO SLOs with batched
 * PromQL on named Prometheus-compatible instances, and exports Prometheus
 * recording and multi-window multi-burn-rate alerting rules. It is configured
 * under `reliability.prometheus` (see config.d.ts).
 *
 * @packageDocumentation
 */
export { reliabilityModulePrometheus as default } from './module';
export { reliabilityModulePrometheus } from './module';
