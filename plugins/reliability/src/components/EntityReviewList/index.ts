export { EntityReviewList } from './EntityReviewList';
export type { EntityReviewListProps } from './EntityReviewList';
