import type { SourceHealth } from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';

/**
 * Health of a source as stored: everything of {@link SourceHealth} except
 * what depends on the time of the read (`stale`, `ageSeconds`).
 */
export type StoredSourceHealth = Omit<SourceHealth, 'stale' | 'ageSeconds'>;

/** Which refresh requests to list. */
export type RefreshRequestFilter =
  | { entityRef: string; since: Date }
  | { actorRef: string; since: Date };

/** The refresh request history, as used under a refresh lock. */
export type RefreshRequestLog = Pick<
  SourceStateStore,
  | 'recordRefreshRequest'
  | 'listRefreshRequestTimes'
  | 'deleteRefreshRequestsBefore'
>;

/**
 * What every source (on-call or SLO) keeps in the database besides its data:
 * its health, the data versions caches key on, and the "refresh now"
 * requests that are rate limited across replicas.
 */
export interface SourceStateStore {
  /**
   * Makes a source known (so its health is listed before its first sync) and
   * keeps its type and display name current. Sync state is left untouched.
   */
  registerSource(source: OnCallSourceInfo): Promise<void>;

  /**
   * Records a failed sync attempt. Only the health row changes: the source's
   * last-known-good data stays as it was.
   */
  recordSyncFailure(options: {
    source: OnCallSourceInfo;
    error: string;
    attemptedAt: Date;
  }): Promise<void>;

  /** Health of the given sources, or of all sources; ordered by id. */
  listSourceHealth(options?: {
    sourceIds?: string[];
  }): Promise<StoredSourceHealth[]>;

  /**
   * One number naming the state of the given data sets
   * (`DATA_SCOPES`): it grows with every write to any of them, on any
   * replica. Caches of reads key their entries by it.
   */
  getDataVersion(scopes: string[]): Promise<number>;

  /**
   * Runs `fn` holding, in the database, a lock on the entity and one on the
   * user (across replicas), in one transaction with what `fn` reads and
   * records through `log`. Deciding on a refresh slot inside it is atomic:
   * a second request for the same entity or by the same user waits, then
   * sees the first one's record.
   */
  withRefreshLock<T>(
    keys: { entityRef: string; actorRef: string },
    fn: (log: RefreshRequestLog) => Promise<T>,
  ): Promise<T>;

  /** Remembers one accepted "refresh now" request, for rate limiting. */
  recordRefreshRequest(options: {
    entityRef: string;
    actorRef: string;
    requestedAt: Date;
  }): Promise<void>;

  /** When matching refresh requests were made since a point in time, oldest first. */
  listRefreshRequestTimes(filter: RefreshRequestFilter): Promise<Date[]>;

  /** Forgets refresh requests older than `before`; returns how many. */
  deleteRefreshRequestsBefore(before: Date): Promise<number>;
}
