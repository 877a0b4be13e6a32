/**
 * Preflight reliability backend plugin: syncs on-call sources, stores their
 * data and serves entity reliability summaries.
 *
 * @packageDocumentation
 */
export { reliabilityPlugin } from './plugin';
export { reliabilityPlugin as default } from './plugin';
// The migrated database and the stores, for tools that seed or inspect the plugin's database outside
// the backend (the scorecard and review benchmarks).
export { openReliabilityDatabase } from './database/openReliabilityDatabase';
export { DatabaseReliabilityStore } from './oncall/DatabaseReliabilityStore';
export { DatabaseSloStore } from './slo/DatabaseSloStore';
export { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
export { DatabaseReviewStore } from './reviews/DatabaseReviewStore';
export { ReviewDriftDetector } from './reviews/ReviewDriftDetector';
export type { StoredReview, NewReviewEvent } from './reviews/reviewTypes';
export { DatabaseReportStore } from './reports/store/DatabaseReportStore';
export { DatabaseSloHistoryStore } from './reports/slo/DatabaseSloHistoryStore';
export type { SloHistoryRow } from './reports/slo/DatabaseSloHistoryStore';
export type { ReportEntity } from './reports/store/ReportStore';
export type {
  ServiceDailyRow,
  RotationDailyRow,
} from './reports/metrics/dailyRowTypes';
export { histogramOf } from './reports/metrics/durationHistogram';
