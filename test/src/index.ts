/**
 * Cross-package test tooling of Preflight: the PagerDuty simulator and its
 * OpenAPI validator, and the real-Prometheus harness. Tests and benchmarks
 * import these by subpath (`@internal/preflight-test/simulator`, ...); this
 * entry gathers them for tools that want one import.
 *
 * @packageDocumentation
 */
export * as simulator from '../simulator';
export * as schema from '../schema';
export * as prometheus from '../prometheus';
