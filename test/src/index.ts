/**
 * Cross-package test tooling of Preflight: the OpenAPI validator of PagerDuty
 * responses and the real-Prometheus harness. Tests and benchmarks import
 * these by subpath (`@internal/preflight-test/prometheus`, ...); this entry
 * gathers them for tools that want one import. The PagerDuty simulator lives
 * in `@preflight/demo-fixtures/simulator`, since the demo runs it too.
 *
 * @packageDocumentation
 */
export * as schema from '../schema';
export * as prometheus from '../prometheus';
