/**
 * Real-Prometheus test harness: a generated SLI history with known episodes,
 * backfilled into a real `prometheus` server, expected values computed from the
 * raw samples, a fault-injecting proxy and `promtool` rule helpers.
 * See README.md in this directory.
 */
export {
  PROMETHEUS_HARNESS_TIMEOUT_MS,
  startPrometheusWithSliHistory,
} from './startPrometheusWithSliHistory';
export type { PrometheusHarness } from './startPrometheusWithSliHistory';
export {
  DAY_SECONDS,
  HOUR_SECONDS,
  LATENCY_BUCKET_BOUNDS,
  MINUTE_SECONDS,
  SLI_HISTORY_END_SECONDS,
  SLI_SCENARIO,
} from './sliScenario';
export type {
  ErrorEpisode,
  LatencyEpisode,
  LatencyProfile,
  ServiceTrafficProfile,
  SliScenario,
} from './sliScenario';
export { generateSliHistory } from './generateSliHistory';
export type { GeneratedSeries, SliHistory } from './generateSliHistory';
export {
  expectedLatencyCounts,
  expectedRequestCounts,
  sumIncrease,
} from './expectedSliValues';
export type {
  LabelMatcher,
  LatencyCounts,
  RequestCounts,
  SeriesSelector,
} from './expectedSliValues';
export { prometheusFaults, startFaultProxy } from './startFaultProxy';
export type {
  FaultProxy,
  PrometheusFault,
  RecordedPrometheusRequest,
} from './startFaultProxy';
export { checkRules } from './checkRules';
export { testRules } from './testRules';
export { runPromtool } from './runPromtool';
export type { PromtoolResult } from './runPromtool';
export { requirePrometheusBinaries } from './prometheusBinaries';
export type { PrometheusBinaries } from './prometheusBinaries';
export {
  parsePrometheusValue,
  postPrometheusForm,
  queryInstantVector,
  queryRangeMatrix,
  queryScalarValue,
} from './queryPrometheus';
export type {
  PrometheusEnvelope,
  PrometheusMatrixSeries,
  PrometheusVectorSample,
} from './queryPrometheus';
export { openMetricsChunks, writeOpenMetrics } from './writeOpenMetrics';
export { backfillSliHistory } from './backfillSliHistory';
export {
  ensureSliHistoryCache,
  sliHistoryCacheKey,
} from './ensureSliHistoryCache';
export { startPrometheusServer } from './startPrometheusServer';
export type {
  PrometheusServer,
  StartPrometheusServerOptions,
} from './startPrometheusServer';
export { startVictoriaMetricsWithSliHistory } from './startVictoriaMetricsWithSliHistory';
export type {
  StartVictoriaMetricsOptions,
  VictoriaMetricsHarness,
} from './startVictoriaMetricsWithSliHistory';
export { requireVictoriaMetricsBinary } from './victoriaMetricsBinary';
export type { VictoriaMetricsBinary } from './victoriaMetricsBinary';
