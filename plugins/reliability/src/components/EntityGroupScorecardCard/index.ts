export { EntityGroupScorecardCard } from './EntityGroupScorecardCard';
export type { EntityGroupScorecardCardProps } from './EntityGroupScorecardCard';
