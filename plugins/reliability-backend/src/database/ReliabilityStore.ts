import type {
  EscalationPolicyRecord,
  IncidentStats,
  OnCallServiceRecord,
  OnCallSnapshot,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';

/**
 * Health of a source as stored: everything of {@link SourceHealth} except
 * what depends on the time of the read (`stale`, `ageSeconds`).
 * @public
 */
export type StoredSourceHealth = Omit<SourceHealth, 'stale' | 'ageSeconds'>;

/** Which refresh requests to list. @public */
export type RefreshRequestFilter =
  | { entityRef: string; since: Date }
  | { actorRef: string; since: Date };

/** The refresh request history, as used under a refresh lock. @public */
export type RefreshRequestLog = Pick<
  ReliabilityStore,
  | 'recordRefreshRequest'
  | 'listRefreshRequestTimes'
  | 'deleteRefreshRequestsBefore'
>;

/**
 * Persistence of the reliability plugin. Reads never reach upstream; writes
 * come from scheduled syncs (whole sources) and explicit refreshes (one
 * service).
 * @public
 */
export interface ReliabilityStore {
  /**
   * Makes a source known (so its health is listed before its first sync) and
   * keeps its type and display name current. Sync state is left untouched.
   */
  registerSource(source: OnCallSourceInfo): Promise<void>;

  /**
   * Replaces everything stored for a source with a fresh snapshot and marks
   * the sync successful, all in one transaction.
   */
  replaceSourceSnapshot(options: {
    source: OnCallSourceInfo;
    snapshot: OnCallSnapshot;
    syncedAt: Date;
  }): Promise<void>;

  /**
   * Records a failed sync attempt. Only the health row changes: the source's
   * last-known-good data stays as it was.
   */
  recordSyncFailure(options: {
    source: OnCallSourceInfo;
    error: string;
    attemptedAt: Date;
  }): Promise<void>;

  /**
   * Merges a partial snapshot (one service, its policy and stats) into a
   * source's data, leaving every other row alone.
   */
  upsertServiceSnapshot(options: {
    sourceId: string;
    snapshot: OnCallSnapshot;
  }): Promise<void>;

  /**
   * A digest of every stored service, escalation policy and incident-figures
   * row, keyed by source id and row id (see {@link onCallRowKey}). A digest
   * changes exactly when its row's content does, so the scorecard evaluation
   * finds the entities whose on-call observations changed without reading
   * their facts.
   */
  listObservationDigests(): Promise<OnCallObservationDigests>;

  /** Health of the given sources, or of all sources; ordered by id. */
  listSourceHealth(options?: {
    sourceIds?: string[];
  }): Promise<StoredSourceHealth[]>;

  /**
   * The sources whose last successful sync could not list every service,
   * with the ids it confirmed do not exist; sources with a complete list are
   * left out.
   */
  getIncompleteServices(
    sourceIds: string[],
  ): Promise<Map<string, { confirmedMissing: string[] }>>;

  getService(
    sourceId: string,
    serviceId: string,
  ): Promise<OnCallServiceRecord | undefined>;

  /**
   * What an entity page shows of one service, in one indexed read: the
   * source's health (undefined when the source never reported), and, once
   * the source has synced, the service with its escalation policy and
   * incident statistics (each undefined when not stored).
   */
  getServiceView(
    sourceId: string,
    serviceId: string,
  ): Promise<{
    health?: StoredSourceHealth;
    service?: OnCallServiceRecord;
    policy?: EscalationPolicyRecord;
    incidents?: IncidentStats;
  }>;

  getEscalationPolicy(
    sourceId: string,
    policyId: string,
  ): Promise<EscalationPolicyRecord | undefined>;

  getIncidentStats(
    sourceId: string,
    serviceId: string,
  ): Promise<IncidentStats | undefined>;

  /**
   * The services of a source with the given ids, in one read (or a few, for
   * very long lists); ids the source does not know are left out.
   */
  getServices(
    sourceId: string,
    serviceIds: string[],
  ): Promise<OnCallServiceRecord[]>;

  /** The escalation policies of a source with the given ids; unknown ids are left out. */
  getEscalationPolicies(
    sourceId: string,
    policyIds: string[],
  ): Promise<EscalationPolicyRecord[]>;

  /** Incident statistics of the given services of a source; services without any are left out. */
  getIncidentStatsForServices(
    sourceId: string,
    serviceIds: string[],
  ): Promise<IncidentStats[]>;

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

/** Digests of the stored on-call rows (see {@link ReliabilityStore.listObservationDigests}). @public */
export interface OnCallObservationDigests {
  /** Services by {@link onCallRowKey}, with the id of their escalation policy. */
  services: Map<string, { policyId: string | null; digest: string }>;
  /** Escalation policies by {@link onCallRowKey}. */
  policies: Map<string, string>;
  /** Incident figures by {@link onCallRowKey} of their service. */
  stats: Map<string, string>;
}

/** The key of one source's row in {@link OnCallObservationDigests}. @public */
export function onCallRowKey(sourceId: string, id: string): string {
  return `${sourceId}\u0000${id}`;
}
