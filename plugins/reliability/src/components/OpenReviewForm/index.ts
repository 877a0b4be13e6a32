export { OpenReviewForm } from './OpenReviewForm';
export type { OpenReviewFormProps } from './OpenReviewForm';
