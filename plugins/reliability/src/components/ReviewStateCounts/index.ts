export { ReviewStateCounts } from './ReviewStateCounts';
export type { ReviewStateCountsProps } from './ReviewStateCounts';
