export { useNow } from './useNow';
export { useEntityReliabilitySummary } from './useEntityReliabilitySummary';
export { useSummaryWithRefresh } from './useSummaryWithRefresh';
export { ReliabilitySummaryContext } from './ReliabilitySummaryContext';
export type { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';
export { useGroupOnCall } from './useGroupOnCall';
export type { GroupOnCallState } from './useGroupOnCall';
export {
  useEntityScorecard,
  useGroupScorecards,
  useScorecardOverview,
} from './useScorecards';
export {
  useEntityReviews,
  useReview,
  useReviewList,
  useReviewTemplates,
} from './useReviews';
export type { ReviewState } from './useReviews';
export { useReviewActor } from './useReviewActor';
export type {
  ReviewActionNotice,
  ReviewActor,
  ReviewActorState,
  ReviewWrite,
} from './useReviewActor';
export {
  useGroupOnCallHealth,
  useReliabilityReport,
} from './useReliabilityReport';
export type { ReportSubject } from './useReliabilityReport';
