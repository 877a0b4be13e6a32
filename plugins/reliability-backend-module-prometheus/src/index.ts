/**
 * Prometheus source for Preflight: measures OpenSLO SLOs with batched
 * PromQL on named Prometheus-compatible instances, and exports Prometheus
 * recording and multi-window multi-burn-rate alerting rules.
 *
 * @packageDocumentation
 */
export { reliabilityModulePrometheus as default } from './module';
export { reliabilityModulePrometheus } from './module';

export * from './config/PrometheusModuleConfig';
export { readPrometheusConfig } from './config/readPrometheusConfig';

export { PrometheusClient } from './client/PrometheusClient';
export type {
  AlertingRulesOptions,
  InstantQueryOptions,
  PrometheusClientOptions,
  PrometheusClientStats,
  RangeQueryOptions,
} from './client/PrometheusClient';
export * from './client/PrometheusQueryError';
export type * from './client/PrometheusResult';
export { parseSampleValue } from './client/parseSampleValue';
export {
  parsePrometheusEnvelope,
  type PrometheusEnvelope,
} from './client/parsePrometheusEnvelope';
export { decodeAlertingRules } from './client/decodeAlertingRules';
export {
  parsePrometheusResponse,
  type PrometheusSuccess,
} from './client/parsePrometheusResponse';
export * from './client/rangeQueryLimits';
export { ConcurrencyLimiter } from './client/ConcurrencyLimiter';
export { RetryBackoff, type RetryBackoffOptions } from './client/RetryBackoff';

export * from './promql';

export type * from './batching/CompiledSli';
export { compileSli, type CompileSliResult } from './batching/compileSli';
export { counterShapeOf, type CounterShape } from './batching/counterShape';
export * from './batching/buildCountsQuery';
export type * from './batching/QueryPlan';
export {
  DEFAULT_QUERY_PLAN_OPTIONS,
  planBatchedQueries,
  type QueryPlanOptions,
} from './batching/planBatchedQueries';
export {
  executeQueryPlan,
  type ExecuteQueryPlanOptions,
  type QueryOutcome,
} from './batching/executeQueryPlan';

export * from './source/PrometheusSloSource';
export { assembleMeasurements } from './source/assembleMeasurements';
export { sloRefOf } from './source/sloRefOf';
export * from './source/resolvePrometheusInstance';

export * from './rules/generateSloRules';
export { sliErrorRatioExpression } from './rules/sliErrorRatioExpression';
export { sliErrorRatioRecord } from './rules/sliErrorRatioRecord';

export * from './provider/PrometheusSloProvider';
export { prometheusGraphUrl } from './provider/prometheusGraphUrl';
export { queryLinkUrl } from './provider/queryLinkUrl';
export * from './client/detectEngine';
