export { ScorecardCheckItem } from './ScorecardCheckItem';
export type { ScorecardCheckItemProps } from './ScorecardCheckItem';
