/**
 * Example Preflight module: custom scorecard checks added through the
 * `reliability.scorecard-checks` extension point.
 *
 * @packageDocumentation
 */
export { reliabilityModuleScorecardExample as default } from './module';
export { reliabilityModuleScorecardExample } from './module';
export { dependenciesDeclaredCheck } from './dependenciesDeclaredCheck';
export {
  ANNOTATION_SOURCE_LOCATION,
  sourceLocationSetCheck,
} from './sourceLocationSetCheck';
