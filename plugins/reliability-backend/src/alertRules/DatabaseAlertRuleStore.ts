import { Knex } from 'knex';
import { storedTimestamp } from '../database/storedTimestamp';
import type { AlertRulesReadError } from '@preflight/plugin-reliability-node';
import type { AlertRuleStore, StoredAlertRule } from './AlertRuleStore';

// Rows per INSERT: far below SQLite's and PostgreSQL's bind-parameter limits
// (seven columns).
const INSERT_CHUNK_SIZE = 200;

interface AlertRuleRow {
  source_id: string;
  position: number;
  group_name: string;
  file: string | null;
  name: string;
  labels: string;
  annotations: string;
}

interface AlertRuleSourceRow {
  source_id: string;
  reported_at: Date | string | number;
  rule_count: number;
}

/** When a source last reported its alert rules, and how many. */
export interface AlertRuleSourceReport {
  sourceId: string;
  /** ISO-8601 instant of the last successful read. */
  reportedAt: string;
  ruleCount: number;
}

function parseStrings(raw: string): Record<string, string> {
  try {
    const value = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? value : {};
  } catch {
    return {};
  }
}

/**
 * {@link AlertRuleStore} on the plugin database (SQLite, PostgreSQL).
 */
export class DatabaseAlertRuleStore implements AlertRuleStore {
  private readonly now: () => Date;

  /** On the plugin database, already migrated (`openReliabilityDatabase`). */
  constructor(
    private readonly db: Knex,
    options: {
      /** "Now" for `reportedAt`; defaults to the wall clock. */
      now?: () => Date;
    } = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async replaceSourceAlertRules(
    sourceId: string,
    rules: StoredAlertRule[],
  ): Promise<void> {
    const rows: AlertRuleRow[] = rules.map((rule, position) => ({
      source_id: sourceId,
      position,
      group_name: rule.group,
      file: rule.file ?? null,
      name: rule.name,
      labels: JSON.stringify(rule.labels),
      annotations: JSON.stringify(rule.annotations),
    }));
    await this.db.transaction(async tx => {
      await tx('alert_rules').where({ source_id: sourceId }).delete();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK_SIZE) {
        await tx('alert_rules').insert(rows.slice(i, i + INSERT_CHUNK_SIZE));
      }
      await tx('alert_rule_read_errors')
        .where({ source_id: sourceId })
        .delete();
      await tx('alert_rule_sources')
        .insert({
          source_id: sourceId,
          reported_at: this.now(),
          rule_count: rows.length,
        })
        .onConflict('source_id')
        .merge();
    });
  }

  async listAlertRules(): Promise<StoredAlertRule[]> {
    const rows = await this.db<AlertRuleRow>('alert_rules').orderBy([
      'source_id',
      'position',
    ]);
    return rows.map(row => ({
      sourceId: row.source_id,
      group: row.group_name,
      ...(row.file ? { file: row.file } : {}),
      name: row.name,
      labels: parseStrings(row.labels),
      annotations: parseStrings(row.annotations),
    }));
  }

  async listSourcesWithRules(): Promise<string[]> {
    const rows = await this.db<AlertRuleSourceRow>('alert_rule_sources')
      .select('source_id')
      .orderBy('source_id');
    return rows.map(row => row.source_id);
  }

  async recordSourceAlertRulesError(
    sourceId: string,
    error: string,
  ): Promise<void> {
    // `since` keeps the start of a run of failures; the error is the latest.
    await this.db('alert_rule_read_errors')
      .insert({ source_id: sourceId, since: this.now(), error })
      .onConflict('source_id')
      .merge(['error']);
  }

  async listSourceAlertRulesErrors(): Promise<AlertRulesReadError[]> {
    const rows = await this.db<{
      source_id: string;
      since: Date | string | number;
      error: string;
    }>('alert_rule_read_errors').orderBy('source_id');
    return rows.map(row => ({
      sourceId: row.source_id,
      error: row.error,
      since: storedTimestamp(row.since) ?? '',
    }));
  }

  /**
   * When each source last reported its rules. A source whose rule reads
   * fail while its SLO measurements succeed stays healthy but its rules age:
   * this tells how old they are.
   */
  async listSourceReports(): Promise<AlertRuleSourceReport[]> {
    const rows = await this.db<AlertRuleSourceRow>(
      'alert_rule_sources',
    ).orderBy('source_id');
    return rows.map(row => ({
      sourceId: row.source_id,
      reportedAt: storedTimestamp(row.reported_at) ?? '',
      ruleCount: Number(row.rule_count),
    }));
  }
}
