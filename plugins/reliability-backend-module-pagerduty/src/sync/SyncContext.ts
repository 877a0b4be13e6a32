import type { PagerDutyClient } from '../client/PagerDutyClient';

/** What the list helpers of one sync run share. */
export interface SyncContext {
  client: PagerDutyClient;
  signal?: AbortSignal;
  /** Partial problems, reported in the snapshot instead of failing the sync. */
  warnings: string[];
}
