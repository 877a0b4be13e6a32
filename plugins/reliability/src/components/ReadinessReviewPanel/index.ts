export { ReadinessReviewPanel } from './ReadinessReviewPanel';
export type { ReadinessReviewPanelProps } from './ReadinessReviewPanel';
