/*
 * Not part of the published API. Pieces of the Prometheus module for the
 * workspace's own tools: the SLO source the measurement benchmark
 * (test/bench/slo-measure.bench.ts) drives without a backend, and the PromQL
 * selector parser the demo's simulated SLO source (packages/demo-fixtures)
 * shares so that it reads queries exactly as the module does. The package
 * entry (index.ts) does not export these; workspace code imports this file by
 * its source path.
 */
export type { PrometheusModuleConfig } from './config/PrometheusModuleConfig';
export type { PrometheusClientStats } from './client/PrometheusClient';
export {
  PrometheusSloSource,
  type SloMeasurementReport,
} from './source/PrometheusSloSource';
export {
  parseVectorSelector,
  PromqlSyntaxError,
  type VectorSelector,
} from './promql';
