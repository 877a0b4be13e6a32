/**
 * PagerDuty source for Preflight: a backend module of the reliability
 * plugin, plus the client and sync it is built from (used directly by the
 * benchmark).
 *
 * @packageDocumentation
 */
export { reliabilityModulePagerDuty as default } from './module';
export { reliabilityModulePagerDuty } from './module';
export * from './provider/PagerDutyOnCallProvider';
export * from './config/PagerDutyModuleConfig';
export { readPagerDutyConfig } from './config/readPagerDutyConfig';
export * from './sync/createPagerDutySync';
export { PagerDutyClient } from './client/PagerDutyClient';
export type {
  PagerDutyCallOptions,
  PagerDutyClientOptions,
  PagerDutyClientStats,
  PagerDutyListOptions,
  PagerDutyQuery,
} from './client/PagerDutyClient';
export * from './client/PagerDutyError';
export * from './client/Clock';
export * from './client/RateLimiter';
export * from './client/RateLimiterRegistry';
export * from './client/RetryPolicy';
export {
  PAGERDUTY_MAX_LIMIT,
  PAGERDUTY_OFFSET_CAP,
  type PagerDutyListResult,
} from './client/paginate';
export type * from './client/pagerDutyTypes';
