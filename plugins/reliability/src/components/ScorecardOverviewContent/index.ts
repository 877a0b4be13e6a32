export { ScorecardOverviewContent } from './ScorecardOverviewContent';
export type { ScorecardOverviewContentProps } from './ScorecardOverviewContent';
