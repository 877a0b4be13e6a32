/**
 * Preflight reliability frontend: on-call, runbooks, incident, SLO and
 * readiness scorecard cards, the reliability tab for Backstage entity
 * pages, team scorecards for group pages, the scorecard overview page, the
 * readiness review tab, the readiness reviews board, the reliability report
 * (a group tab and an organization page) and the on-call health card.
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
  EntityReliabilityReportContent,
  ReliabilityReportPage,
  EntityOnCallHealthCard,
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
export type { RequestState } from './hooks/useKeyedRequest';
export type { EntityScorecardCardProps } from './components/EntityScorecardCard';
export type { EntityGroupScorecardCardProps } from './components/EntityGroupScorecardCard';
export type { ScorecardOverviewPageProps } from './components/ScorecardOverviewPage';
export {
  useEntityScorecard,
  useGroupScorecards,
  useScorecardOverview,
} from './hooks/useScorecards';
export {
  readinessReviewsRouteRef,
  reliabilityReportRouteRef,
  scorecardOverviewRouteRef,
} from './routes';
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
export type { EntityReliabilityReportContentProps } from './components/EntityReliabilityReportContent';
export type { ReliabilityReportPageProps } from './components/ReliabilityReportPage';
export type { ReliabilityReportContentProps } from './components/ReliabilityReportContent';
export type { EntityOnCallHealthCardProps } from './components/EntityOnCallHealthCard';
export {
  useGroupOnCallHealth,
  useReliabilityReport,
} from './hooks/useReliabilityReport';
export type { ReportSubject } from './hooks/useReliabilityReport';
export { reliabilityReportCsv, reliabilityReportMarkdown } from './utils';
