export { ScorecardSparkline } from './ScorecardSparkline';
export type { ScorecardSparklineProps } from './ScorecardSparkline';
