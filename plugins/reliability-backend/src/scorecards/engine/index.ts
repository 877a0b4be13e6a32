/** The scorecard engine: the built-in checks, rubric resolution, levels and evaluation. */
export * from './checks';
export * from './checkApplies';
export * from './defaultLevels';
export * from './determineLevel';
export * from './evaluateScorecard';
export * from './hashRubric';
export * from './parseScorecardExemptions';
export * from './resolveScorecardRubric';
