export { ScorecardLevelBadge } from './ScorecardLevelBadge';
export type { ScorecardLevelBadgeProps } from './ScorecardLevelBadge';
