export { TeamScorecardTable } from './TeamScorecardTable';
export type {
  TeamScorecardSortState,
  TeamScorecardTableProps,
} from './TeamScorecardTable';
