import type {
  EscalationPolicyRecord,
  IncidentStats,
  OnCallServiceRecord,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';
import type {
  SourceStateStore,
  StoredSourceHealth,
} from '../database/SourceStateStore';

/**
 * Persistence of on-call data: each source's services, escalation policies
 * and incident figures, next to the source state every source shares. Reads
 * never reach upstream; writes come from scheduled syncs (whole sources) and
 * explicit refreshes (one service).
 */
export interface ReliabilityStore extends SourceStateStore {
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
}

/** Digests of the stored on-call rows (see {@link ReliabilityStore.listObservationDigests}). */
export interface OnCallObservationDigests {
  /** Services by {@link onCallRowKey}, with the id of their escalation policy. */
  services: Map<string, { policyId: string | null; digest: string }>;
  /** Escalation policies by {@link onCallRowKey}. */
  policies: Map<string, string>;
  /** Incident figures by {@link onCallRowKey} of their service. */
  stats: Map<string, string>;
}

/** The key of one source's row in {@link OnCallObservationDigests}. */
export function onCallRowKey(sourceId: string, id: string): string {
  return `${sourceId}\u0000${id}`;
}
