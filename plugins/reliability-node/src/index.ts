/**
 * Extension points and provider contracts for Preflight backend modules: the
 * on-call and SLO provider contracts, the scorecard check contract and the
 * facts a check reads, the OpenSLO (and Sloth/Pyrra) reader SLO providers
 * parse definitions with, and the retry helpers the bundled modules share.
 *
 * @packageDocumentation
 */
export * from './OnCallProvider';
export * from './OnCallSourceError';
export * from './AlertRuleRecord';
export * from './SloProvider';
export * from './SloMeasurement';
export * from './SloRules';
export * from './extensions';
export * from './ScorecardChecksExtensionPoint';
export * from './upstream';
export * from './scorecards/ScorecardCheck';
export * from './openslo/SloDefinition';
export {
  parseOpenSloDocuments,
  MAX_OPENSLO_FILE_CHARACTERS,
  type OpenSloSource,
} from './openslo/parseOpenSloDocuments';
export { currentSloWindow } from './openslo/currentSloWindow';
export { readSloText } from './openslo/formats/readSloText';
export type { SloFormatContext } from './openslo/formats/types';
