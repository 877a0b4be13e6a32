export {
  startPagerDutySimulator,
  DEFAULT_SIMULATOR_TOKEN,
} from './startPagerDutySimulator';
export type {
  PagerDutySimulator,
  PagerDutySimulatorControl,
  PagerDutySimulatorOptions,
} from './startPagerDutySimulator';
export type { SimulatorClock } from './simulatorState';
export type { SimulatorStats } from './simulatorStats';
export { FAILURE_MODES } from './failureInjector';
export type { FailureMode, FailureRule } from './failureInjector';
export type { ControlCommand } from './handleControlRequest';
export { demoFleet } from './fixtures/demoFleet';
export { generatedFleet } from './fixtures/generatedFleet';
export type { GeneratedFleetOptions } from './fixtures/generatedFleet';
export { incidentStatus } from './fixtures/incidentStatus';
export { scheduleShifts, firstResponderAt } from './fixtures/scheduleShifts';
export type * from './fixtures/fleetTypes';
export { SIMULATED_ROUTES } from './routes';
export { DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET_PLUS_LIMIT } from './pagination';
export { pagerDutyGet, pagerDutyGetAllPages } from './testing/simulatorClient';
export type { SimulatorResponse } from './testing/simulatorClient';
