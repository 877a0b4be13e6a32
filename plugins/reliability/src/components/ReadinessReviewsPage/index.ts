export { ReadinessReviewsPage } from './ReadinessReviewsPage';
export type { ReadinessReviewsPageProps } from './ReadinessReviewsPage';
