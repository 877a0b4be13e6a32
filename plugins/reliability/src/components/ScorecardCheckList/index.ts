export { ScorecardCheckList } from './ScorecardCheckList';
export type { ScorecardCheckListProps } from './ScorecardCheckList';
