export { reliabilityApiRef } from './ReliabilityApi';
export type {
  ReliabilityApi,
  ReliabilityReportQuery,
  ReliabilityRequestOptions,
  ReviewExportFormat,
} from './ReliabilityApi';
export { ReliabilityClient } from './ReliabilityClient';
export type { ReliabilityClientOptions } from './ReliabilityClient';
export {
  ReviewConflictError,
  isReviewConflictError,
} from './ReviewConflictError';
