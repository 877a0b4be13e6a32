/**
 * The demo's SLO scenario: what each demo service serves and when it fails.
 * The demo Prometheus is loaded with samples of it, the simulated SLO source
 * (`@preflight/demo-fixtures/simulated-slos`) and the demo SLO history compute
 * their values from it. Plain functions without dependencies; the test
 * workspace's SLI generator draws from the same random stream.
 *
 * The PagerDuty simulator is `@preflight/demo-fixtures/simulator`.
 *
 * @packageDocumentation
 */
export {
  DEMO_BOUNDARY_STEP_SECONDS,
  demoCacheBoundary,
  demoScenario,
} from './slo/demoScenario';
export type {
  DemoErrorEpisode,
  DemoLatency,
  DemoScenario,
  DemoServiceProfile,
} from './slo/demoScenario';
export { diurnalFactor, statusCodes } from './slo/demoTraffic';
export { createSliRandom } from './slo/createSliRandom';
export type { SliRandom } from './slo/createSliRandom';
