import type { Entity } from '@backstage/catalog-model';
import type {
  MetadataProblem,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';

/**
 * One independently synced source, e.g. one PagerDuty account. Each source
 * has its own health, its own last-known-good data and its own sync task.
 * @public
 */
export interface OnCallSourceInfo {
  /** Stable id, `<type>:<account>`, e.g. `pagerduty:default`. */
  id: string;
  /** Provider type, e.g. `pagerduty`. */
  type: string;
  /** Shown in the UI, e.g. `PagerDuty (default)`. */
  displayName: string;
}

/**
 * Where an entity's service lives, or why that could not be told.
 * `undefined` from {@link OnCallProvider.locateService} means the entity
 * does not use this provider at all.
 * @public
 */
export type OnCallServiceLocation =
  | { sourceId: string; serviceId: string }
  | { problem: MetadataProblem };

/** Options passed to every provider sync call. @public */
export interface OnCallSyncOptions {
  /** Aborted when the scheduler's task timeout is reached or the backend stops. */
  signal: AbortSignal;
  /**
   * The service ids catalog entities name for this source (a catalog query,
   * so call it only when needed). A bulk sync whose service list could not
   * be read whole calls it to look up the annotated services it missed one
   * by one, instead of leaving them to be reported as unknown.
   */
  annotatedServiceIds?: () => Promise<string[]>;
}

/**
 * An on-call and incident data source (PagerDuty today; Opsgenie or others
 * later). Providers read their source in bulk and return normalized data;
 * they never see the store or the REST API.
 * @public
 */
export interface OnCallProvider {
  /** Provider type, e.g. `pagerduty`. */
  readonly type: string;

  /** The sources (accounts) this provider syncs. */
  listSources(): OnCallSourceInfo[];

  /**
   * Maps an entity to a service in one of this provider's sources, from its
   * annotations alone. Pure: no I/O.
   */
  locateService(entity: Entity): OnCallServiceLocation | undefined;

  /** Reads everything of one source in bulk (paged lists, no per-service calls). */
  syncSource(
    sourceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot>;

  /**
   * Reads one service, its policy, on-calls and incidents, for an explicit
   * "refresh now" of one entity. The result is merged into the stored data.
   * Failures should be thrown as {@link OnCallSourceError}s so the caller
   * can tell a wrong service id from a configuration problem, a rate limit
   * or an outage; any other error is treated as the source being unavailable.
   */
  syncService(
    sourceId: string,
    serviceId: string,
    options: OnCallSyncOptions,
  ): Promise<OnCallSnapshot>;
}
