export { TeamScorecardTable } from './TeamScorecardTable';
export type { TeamScorecardTableProps } from './TeamScorecardTable';
