/**
 * Preflight reliability frontend: on-call, runbooks, incident, SLO and
 * readiness scorecard cards, the reliability tab for Backstage entity
 * pages, team scorecards for group pages, the scorecard overview page, the
 * readiness review tab and the readiness reviews board.
 *
 * @packageDocumentation
 */
export {
  reliabilityPlugin,
  EntityOnCallCard,
  EntityRunbooksCard,
  EntityIncidentStatsCard,
  EntityGroupOnCallCard,
  EntityReliabilityContent,
  EntitySloCard,
  EntityReliabilityGlanceCard,
  EntityScorecardCard,
  EntityGroupScorecardCard,
  ScorecardOverviewPage,
  EntityReadinessReviewContent,
  ReadinessReviewsPage,
} from './plugin';
export { isReliabilityAvailable } from './isReliabilityAvailable';
export { isSloAvailable } from './isSloAvailable';
export * from './api';
export { useEntityReliabilitySummary, useGroupOnCall, useNow } from './hooks';
export type { EntityReliabilitySummaryState, GroupOnCallState } from './hooks';
export { ReliabilitySummaryProvider } from './components/ReliabilitySummaryProvider';
export type { ReliabilitySummaryProviderProps } from './components/ReliabilitySummaryProvider';
export type { EntityOnCallCardProps } from './components/EntityOnCallCard';
export type { EntityRunbooksCardProps } from './components/EntityRunbooksCard';
export type { EntityIncidentStatsCardProps } from './components/EntityIncidentStatsCard';
export type { EntityReliabilityContentProps } from './components/EntityReliabilityContent';
export type { EntityGroupOnCallCardProps } from './components/EntityGroupOnCallCard';
export type { EntitySloCardProps } from './components/EntitySloCard';
export type { EntityReliabilityGlanceCardProps } from './components/EntityReliabilityGlanceCard';
export { useEntitySlos, useDeployGate } from './hooks/useEntitySlos';
export type { RequestState } from './hooks/useEntitySlos';
export type { EntityScorecardCardProps } from './components/EntityScorecardCard';
export type { EntityGroupScorecardCardProps } from './components/EntityGroupScorecardCard';
export type { ScorecardOverviewPageProps } from './components/ScorecardOverviewPage';
export {
  useEntityScorecard,
  useGroupScorecards,
  useScorecardOverview,
} from './hooks/useScorecards';
export { readinessReviewsRouteRef, scorecardOverviewRouteRef } from './routes';
export type { EntityReadinessReviewContentProps } from './components/EntityReadinessReviewContent';
export type { ReadinessReviewsPageProps } from './components/ReadinessReviewsPage';
export type { ReadinessReviewsContentProps } from './components/ReadinessReviewsContent';
export {
  useEntityReviews,
  useReview,
  useReviewList,
  useReviewTemplates,
} from './hooks/useReviews';
export type { ReviewState } from './hooks/useReviews';
