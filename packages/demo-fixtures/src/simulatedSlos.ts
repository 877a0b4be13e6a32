/**
 * The simulated demo SLO source: stands in for Prometheus on machines
 * without it, computing the demo scenario's expected values.
 */
export {
  SIMULATED_DEMO_INSTANCE,
  SIMULATED_DEMO_SOURCE,
  SimulatedDemoSloProvider,
} from './slo/SimulatedDemoSloProvider';
export type { SimulatedDemoSloProviderOptions } from './slo/SimulatedDemoSloProvider';
