export { ReadinessReviewsContent } from './ReadinessReviewsContent';
export type { ReadinessReviewsContentProps } from './ReadinessReviewsContent';
