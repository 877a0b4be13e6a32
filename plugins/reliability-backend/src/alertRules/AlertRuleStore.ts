import type { AlertRulesReadError } from '@preflight/plugin-reliability-node';

/**
 * An alerting rule as a metrics source reported it (Prometheus
 * `/api/v1/rules?type=alert`), stored per source.
 */
export interface StoredAlertRule {
  /** e.g. `prometheus:main`. */
  sourceId: string;
  /** The rule group name. */
  group: string;
  /** The file the group came from, when the source says. */
  file?: string;
  /** The alert name. */
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * Persistence of the alert rules each metrics source reported on its last
 * successful SLO sync. The source's freshness is its SLO source health.
 */
export interface AlertRuleStore {
  /** Replaces every stored rule of a source, in one transaction. */
  replaceSourceAlertRules(
    sourceId: string,
    rules: StoredAlertRule[],
  ): Promise<void>;

  /** Every stored rule of every source (a few thousand at most; read in bulk by the scorecard evaluation). */
  listAlertRules(): Promise<StoredAlertRule[]>;

  /** Ids of the sources that have reported rules at least once. */
  listSourcesWithRules(): Promise<string[]>;

  /**
   * Records that a source's rules could not be read (its stored rules stay);
   * cleared by the next {@link AlertRuleStore.replaceSourceAlertRules}.
   */
  recordSourceAlertRulesError(sourceId: string, error: string): Promise<void>;

  /** Sources whose last rule read failed, with why and since when. */
  listSourceAlertRulesErrors(): Promise<AlertRulesReadError[]>;
}
