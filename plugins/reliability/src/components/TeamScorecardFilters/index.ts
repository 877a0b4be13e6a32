export { TeamScorecardFilters } from './TeamScorecardFilters';
export type { TeamScorecardFiltersProps } from './TeamScorecardFilters';
