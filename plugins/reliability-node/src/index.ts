/**
 * Extension points and provider contracts for Preflight backend modules.
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
export * from './openslo';
export * from './openslo/formats';
