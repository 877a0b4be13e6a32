/*
 * Not part of the published API. The PagerDuty client and bulk sync the
 * module is built from, for the workspace's sync benchmark
 * (test/bench/pagerduty-sync.bench.ts), which drives them without a backend.
 * The package entry (index.ts) does not export these; workspace code imports
 * this file by its source path.
 */
export { createPagerDutySync } from './sync/createPagerDutySync';
export { PagerDutyClient } from './client/PagerDutyClient';
