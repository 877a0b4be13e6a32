/*
 * Not part of the published API. The plugin's database and stores, for the
 * workspace's own tools that seed or inspect the plugin's database outside the
 * backend: the demo backend's SLO history backfill and the benchmarks. The
 * package entry (index.ts) does not export these, so the published package
 * (bundled from index.ts) does not contain them; workspace code imports this
 * file by its source path.
 */
export { openReliabilityDatabase } from './database/openReliabilityDatabase';
export { DatabaseReliabilityStore } from './oncall/DatabaseReliabilityStore';
export { DatabaseSloStore } from './slo/DatabaseSloStore';
export { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
export { DatabaseReviewStore } from './reviews/DatabaseReviewStore';
export { ReviewDriftDetector } from './reviews/ReviewDriftDetector';
export type { StoredReview } from './reviews/reviewTypes';
export { DatabaseReportStore } from './reports/store/DatabaseReportStore';
export { DatabaseSloHistoryStore } from './reports/slo/DatabaseSloHistoryStore';
export type { SloHistoryRow } from './reports/slo/DatabaseSloHistoryStore';
export type {
  ServiceDailyRow,
  RotationDailyRow,
} from './reports/metrics/dailyRowTypes';
export { histogramOf } from './reports/metrics/durationHistogram';
export { createRequestValidator } from './service/requestValidator';
export { createOpenApiRouter } from './generated/router';
