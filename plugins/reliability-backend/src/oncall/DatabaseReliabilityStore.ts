import type {
  EscalationPolicyRecord,
  IncidentStats,
  OnCallServiceRecord,
  OnCallSnapshot,
} from '@preflight/plugin-reliability-common';
import type { OnCallSourceInfo } from '@preflight/plugin-reliability-node';
import { Knex } from 'knex';
import {
  type OnCallObservationDigests,
  onCallRowKey,
  type ReliabilityStore,
} from './ReliabilityStore';
import type {
  RefreshRequestFilter,
  RefreshRequestLog,
  StoredSourceHealth,
} from '../database/SourceStateStore';
import { chunks } from '../lib/chunks';
import { digest } from '../lib/digest';
import {
  bumpDataVersion,
  DATA_SCOPES,
  readDataVersion,
} from '../database/dataVersions';
import { storedDate, storedTimestamp } from '../database/storedTimestamp';

// Rows per INSERT statement. Large enough that a 10k-service account is a
// few dozen statements, small enough to stay far below the bind-parameter
// limits of SQLite (32766) and PostgreSQL (65535) at five columns a row.
const INSERT_CHUNK_SIZE = 500;

interface SourceRow {
  source_id: string;
  type: string;
  display_name: string;
  last_attempt_at: Date | string | number | null;
  last_success_at: Date | string | number | null;
  last_error: string | null;
  error_since: Date | string | number | null;
  warnings: string;
  incomplete_services?: string | null;
}

function toStoredHealth(row: SourceRow): StoredSourceHealth {
  return {
    id: row.source_id,
    type: row.type,
    displayName: row.display_name,
    lastAttemptAt: storedTimestamp(row.last_attempt_at),
    lastSuccessAt: storedTimestamp(row.last_success_at),
    lastError: row.last_error ?? null,
    errorSince: storedTimestamp(row.error_since),
    warnings: parseWarnings(row.warnings),
  };
}

interface ServiceRow {
  source_id: string;
  service_id: string;
  name: string;
  escalation_policy_id: string | null;
  document: string;
}

interface PolicyRow {
  source_id: string;
  policy_id: string;
  name: string;
  document: string;
}

interface StatsRow {
  source_id: string;
  service_id: string;
  document: string;
}

function parseWarnings(raw: string | null | undefined): string[] {
  if (!raw) {
    return [];
  }
  try {
    const parsed = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

/** Last occurrence wins, so a provider's duplicate never breaks a primary key. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    byKey.set(key(item), item);
  }
  return [...byKey.values()];
}

function serviceRows(sourceId: string, snapshot: OnCallSnapshot): ServiceRow[] {
  return uniqueBy(snapshot.services, s => s.id).map(service => ({
    source_id: sourceId,
    service_id: service.id,
    name: service.name,
    escalation_policy_id: service.escalationPolicyId ?? null,
    document: JSON.stringify(service),
  }));
}

function policyRows(sourceId: string, snapshot: OnCallSnapshot): PolicyRow[] {
  return uniqueBy(snapshot.policies, p => p.id).map(policy => ({
    source_id: sourceId,
    policy_id: policy.id,
    name: policy.name,
    document: JSON.stringify(policy),
  }));
}

// Written by this store only; a damaged value still means "incomplete",
// with nothing confirmed missing.
function parseIncompleteServices(text: string | null | undefined): {
  confirmedMissing: string[];
} {
  try {
    const parsed = JSON.parse(text ?? '');
    const ids = parsed?.confirmedMissing;
    return {
      confirmedMissing: Array.isArray(ids)
        ? ids.filter((id: unknown): id is string => typeof id === 'string')
        : [],
    };
  } catch {
    return { confirmedMissing: [] };
  }
}

function statsRows(sourceId: string, snapshot: OnCallSnapshot): StatsRow[] {
  return uniqueBy(snapshot.incidentStats, s => s.serviceId).map(stats => ({
    source_id: sourceId,
    service_id: stats.serviceId,
    document: JSON.stringify(stats),
  }));
}

function isSqlite(db: Knex): boolean {
  return String(db.client.config.client).includes('sqlite');
}

/**
 * {@link ReliabilityStore} on the plugin's knex database (SQLite, PostgreSQL
 * or MySQL).
 */
export class DatabaseReliabilityStore implements ReliabilityStore {
  /** On the plugin database, already migrated (`openReliabilityDatabase`). */
  constructor(private readonly db: Knex) {}

  async registerSource(source: OnCallSourceInfo): Promise<void> {
    await this.db.transaction(async tx => {
      await tx<SourceRow>('sources')
        .insert({
          source_id: source.id,
          type: source.type,
          display_name: source.displayName,
          last_attempt_at: null,
          last_success_at: null,
          last_error: null,
          error_since: null,
          warnings: '[]',
        })
        .onConflict('source_id')
        .merge(['type', 'display_name']);
      await bumpDataVersion(tx, DATA_SCOPES.onCall);
    });
  }

  async replaceSourceSnapshot(options: {
    source: OnCallSourceInfo;
    snapshot: OnCallSnapshot;
    syncedAt: Date;
  }): Promise<void> {
    const { source, snapshot, syncedAt } = options;
    await this.db.transaction(async tx => {
      for (const table of [
        'oncall_services',
        'escalation_policies',
        'incident_stats',
      ]) {
        await tx(table).where({ source_id: source.id }).delete();
      }
      for (const chunk of chunks(
        serviceRows(source.id, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('oncall_services').insert(chunk);
      }
      for (const chunk of chunks(
        policyRows(source.id, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('escalation_policies').insert(chunk);
      }
      for (const chunk of chunks(
        statsRows(source.id, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('incident_stats').insert(chunk);
      }
      await tx<SourceRow>('sources')
        .insert({
          source_id: source.id,
          type: source.type,
          display_name: source.displayName,
          last_attempt_at: syncedAt,
          last_success_at: syncedAt,
          last_error: null,
          error_since: null,
          warnings: JSON.stringify(snapshot.warnings ?? []),
          incomplete_services: snapshot.incompleteServices
            ? JSON.stringify({
                confirmedMissing: snapshot.incompleteServices.confirmedMissing,
              })
            : null,
        })
        .onConflict('source_id')
        .merge();
      await bumpDataVersion(tx, DATA_SCOPES.onCall);
    });
  }

  async recordSyncFailure(options: {
    source: OnCallSourceInfo;
    error: string;
    attemptedAt: Date;
  }): Promise<void> {
    const { source, error, attemptedAt } = options;
    await this.db.transaction(async tx => {
      const existing = await tx<SourceRow>('sources')
        .where({ source_id: source.id })
        .first();
      // errorSince marks the start of the current run of failures, so a
      // second failure in a row must not move it.
      const errorSince = storedDate(existing?.error_since) ?? attemptedAt;
      if (existing) {
        await tx<SourceRow>('sources').where({ source_id: source.id }).update({
          type: source.type,
          display_name: source.displayName,
          last_attempt_at: attemptedAt,
          last_error: error,
          error_since: errorSince,
        });
      } else {
        await tx<SourceRow>('sources').insert({
          source_id: source.id,
          type: source.type,
          display_name: source.displayName,
          last_attempt_at: attemptedAt,
          last_success_at: null,
          last_error: error,
          error_since: errorSince,
          warnings: '[]',
        });
      }
      await bumpDataVersion(tx, DATA_SCOPES.onCall);
    });
  }

  async upsertServiceSnapshot(options: {
    sourceId: string;
    snapshot: OnCallSnapshot;
  }): Promise<void> {
    const { sourceId, snapshot } = options;
    await this.db.transaction(async tx => {
      for (const chunk of chunks(
        serviceRows(sourceId, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('oncall_services')
          .insert(chunk)
          .onConflict(['source_id', 'service_id'])
          .merge();
      }
      for (const chunk of chunks(
        policyRows(sourceId, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('escalation_policies')
          .insert(chunk)
          .onConflict(['source_id', 'policy_id'])
          .merge();
      }
      for (const chunk of chunks(
        statsRows(sourceId, snapshot),
        INSERT_CHUNK_SIZE,
      )) {
        await tx('incident_stats')
          .insert(chunk)
          .onConflict(['source_id', 'service_id'])
          .merge();
      }
      await bumpDataVersion(tx, DATA_SCOPES.onCall);
    });
  }

  async listObservationDigests(): Promise<OnCallObservationDigests> {
    // Whole documents are read but never parsed: hashing the stored text is
    // far cheaper than building facts from it.
    const [services, policies, stats] = await Promise.all([
      this.db<ServiceRow>('oncall_services').select(
        'source_id',
        'service_id',
        'escalation_policy_id',
        'document',
      ),
      this.db<PolicyRow>('escalation_policies').select(
        'source_id',
        'policy_id',
        'document',
      ),
      this.db<StatsRow>('incident_stats').select(
        'source_id',
        'service_id',
        'document',
      ),
    ]);
    return {
      services: new Map(
        services.map(row => [
          onCallRowKey(row.source_id, row.service_id),
          {
            policyId: row.escalation_policy_id ?? null,
            digest: digest(row.document),
          },
        ]),
      ),
      policies: new Map(
        policies.map(row => [
          onCallRowKey(row.source_id, row.policy_id),
          digest(row.document),
        ]),
      ),
      stats: new Map(
        stats.map(row => [
          onCallRowKey(row.source_id, row.service_id),
          digest(row.document),
        ]),
      ),
    };
  }

  async getDataVersion(scopes: string[]): Promise<number> {
    return readDataVersion(this.db, scopes);
  }

  async listSourceHealth(options?: {
    sourceIds?: string[];
  }): Promise<StoredSourceHealth[]> {
    const query = this.db<SourceRow>('sources').orderBy('source_id');
    if (options?.sourceIds) {
      if (options.sourceIds.length === 0) {
        return [];
      }
      query.whereIn('source_id', options.sourceIds);
    }
    const rows = await query;
    return rows.map(toStoredHealth);
  }

  async getServiceView(sourceId: string, serviceId: string) {
    // Primary-key lookups joined into one statement: an entity page costs
    // one round trip to the database however many tables it draws from.
    const row:
      | (SourceRow & {
          service_doc: string | null;
          policy_doc: string | null;
          stats_doc: string | null;
        })
      | undefined = await this.db('sources as h')
      .leftJoin('oncall_services as s', join =>
        join
          .on('s.source_id', 'h.source_id')
          .andOn('s.service_id', this.db.raw('?', [serviceId])),
      )
      .leftJoin('escalation_policies as p', join =>
        join
          .on('p.source_id', 's.source_id')
          .andOn('p.policy_id', 's.escalation_policy_id'),
      )
      .leftJoin('incident_stats as i', join =>
        join
          .on('i.source_id', 's.source_id')
          .andOn('i.service_id', 's.service_id'),
      )
      .where('h.source_id', sourceId)
      .first(
        'h.*',
        's.document as service_doc',
        'p.document as policy_doc',
        'i.document as stats_doc',
      );
    if (!row) {
      return {};
    }
    const health = toStoredHealth(row);
    // Data of a source that never synced successfully is not shown.
    if (!health.lastSuccessAt || !row.service_doc) {
      return { health };
    }
    return {
      health,
      service: JSON.parse(row.service_doc) as OnCallServiceRecord,
      policy: row.policy_doc
        ? (JSON.parse(row.policy_doc) as EscalationPolicyRecord)
        : undefined,
      incidents: row.stats_doc
        ? (JSON.parse(row.stats_doc) as IncidentStats)
        : undefined,
    };
  }

  async getIncompleteServices(
    sourceIds: string[],
  ): Promise<Map<string, { confirmedMissing: string[] }>> {
    const found = new Map<string, { confirmedMissing: string[] }>();
    if (sourceIds.length === 0) {
      return found;
    }
    const rows = await this.db<SourceRow>('sources')
      .whereIn('source_id', sourceIds)
      .whereNotNull('incomplete_services')
      .select('source_id', 'incomplete_services');
    for (const row of rows) {
      found.set(
        row.source_id,
        parseIncompleteServices(row.incomplete_services),
      );
    }
    return found;
  }

  async getService(
    sourceId: string,
    serviceId: string,
  ): Promise<OnCallServiceRecord | undefined> {
    const row = await this.db<ServiceRow>('oncall_services')
      .where({ source_id: sourceId, service_id: serviceId })
      .first('document');
    return row ? (JSON.parse(row.document) as OnCallServiceRecord) : undefined;
  }

  async getEscalationPolicy(
    sourceId: string,
    policyId: string,
  ): Promise<EscalationPolicyRecord | undefined> {
    const row = await this.db<PolicyRow>('escalation_policies')
      .where({ source_id: sourceId, policy_id: policyId })
      .first('document');
    return row
      ? (JSON.parse(row.document) as EscalationPolicyRecord)
      : undefined;
  }

  async getIncidentStats(
    sourceId: string,
    serviceId: string,
  ): Promise<IncidentStats | undefined> {
    const row = await this.db<StatsRow>('incident_stats')
      .where({ source_id: sourceId, service_id: serviceId })
      .first('document');
    return row ? (JSON.parse(row.document) as IncidentStats) : undefined;
  }

  async getServices(
    sourceId: string,
    serviceIds: string[],
  ): Promise<OnCallServiceRecord[]> {
    const rows = await this.readDocuments<ServiceRow>(
      'oncall_services',
      'service_id',
      sourceId,
      serviceIds,
    );
    return rows.map(row => JSON.parse(row.document) as OnCallServiceRecord);
  }

  async getEscalationPolicies(
    sourceId: string,
    policyIds: string[],
  ): Promise<EscalationPolicyRecord[]> {
    const rows = await this.readDocuments<PolicyRow>(
      'escalation_policies',
      'policy_id',
      sourceId,
      policyIds,
    );
    return rows.map(row => JSON.parse(row.document) as EscalationPolicyRecord);
  }

  async getIncidentStatsForServices(
    sourceId: string,
    serviceIds: string[],
  ): Promise<IncidentStats[]> {
    const rows = await this.readDocuments<StatsRow>(
      'incident_stats',
      'service_id',
      sourceId,
      serviceIds,
    );
    return rows.map(row => JSON.parse(row.document) as IncidentStats);
  }

  /**
   * Documents of one source by primary key, one `IN` query per chunk of ids
   * so a long list stays under the databases' bind-parameter limits.
   */
  private async readDocuments<Row extends { document: string }>(
    table: string,
    idColumn: string,
    sourceId: string,
    ids: string[],
  ): Promise<Row[]> {
    const unique = [...new Set(ids)];
    const rows: Row[] = [];
    for (const chunk of chunks(unique, INSERT_CHUNK_SIZE)) {
      const found = await this.db(table)
        .where('source_id', sourceId)
        .whereIn(idColumn, chunk)
        .orderBy(idColumn)
        .select(idColumn, 'document');
      rows.push(...(found as Row[]));
    }
    return rows;
  }

  async withRefreshLock<T>(
    keys: { entityRef: string; actorRef: string },
    fn: (log: RefreshRequestLog) => Promise<T>,
  ): Promise<T> {
    const lockKeys = [
      `entity:${keys.entityRef}`,
      `actor:${keys.actorRef}`,
    ].sort();
    return this.db.transaction(async tx => {
      // Always in the same order, so two requests never wait on each other
      // in a circle.
      await tx('refresh_locks')
        .insert(lockKeys.map(lock_key => ({ lock_key })))
        .onConflict('lock_key')
        .ignore();
      const locked = tx('refresh_locks')
        .whereIn('lock_key', lockKeys)
        .orderBy('lock_key')
        .select('lock_key');
      // SQLite has no row locks; it runs one writing transaction at a time
      // (and cannot be shared by replicas anyway).
      if (!isSqlite(tx)) {
        locked.forUpdate();
      }
      await locked;
      return fn(new DatabaseReliabilityStore(tx));
    });
  }

  async recordRefreshRequest(options: {
    entityRef: string;
    actorRef: string;
    requestedAt: Date;
  }): Promise<void> {
    await this.db('refresh_requests').insert({
      entity_ref: options.entityRef,
      actor_ref: options.actorRef,
      requested_at: options.requestedAt,
    });
  }

  async listRefreshRequestTimes(filter: RefreshRequestFilter): Promise<Date[]> {
    const query = this.db('refresh_requests')
      .where('requested_at', '>=', filter.since)
      .orderBy('requested_at', 'asc')
      .select('requested_at');
    if ('entityRef' in filter) {
      query.where('entity_ref', filter.entityRef);
    } else {
      query.where('actor_ref', filter.actorRef);
    }
    const rows: Array<{ requested_at: Date | string | number }> = await query;
    return rows
      .map(row => storedDate(row.requested_at))
      .filter((date): date is Date => date !== null);
  }

  async deleteRefreshRequestsBefore(before: Date): Promise<number> {
    return await this.db('refresh_requests')
      .where('requested_at', '<', before)
      .delete();
  }
}
