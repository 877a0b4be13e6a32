import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';

/**
 * An entity's reliability summary as a component sees it: loading, loaded,
 * failed, and the state of an explicit refresh.
 * @public
 */
export interface EntityReliabilitySummaryState {
  /** The entity the state belongs to, e.g. `component:default/checkout-api`. */
  entityRef: string;
  summary?: EntityReliabilitySummary;
  loading: boolean;
  error?: Error;
  /** Loads the summary again (after an error, for example). */
  retry(): void;
  /** Asks the backend to re-read the entity from its sources now. */
  refresh(): Promise<void>;
  refreshing: boolean;
  /** Why the last refresh failed (403 denied, 429 rate limited, …). */
  refreshError?: Error;
  dismissRefreshError(): void;
}
