export { EntityReadinessReviewContent } from './EntityReadinessReviewContent';
export type { EntityReadinessReviewContentProps } from './EntityReadinessReviewContent';
