/**
 * One alerting rule as a metrics source reports it (for Prometheus, an entry
 * of `GET /api/v1/rules?type=alert`). Recording rules are never reported.
 * The backend attributes rules to catalog entities from their `entity` and
 * `service` labels; providers report them as they are.
 * @public
 */
export interface AlertRuleRecord {
  /** The rule group's name. */
  group: string;
  /** The file the group was loaded from, when the source says. */
  file?: string;
  /** The alert's name. */
  name: string;
  /** Labels the rule adds to its alerts (e.g. `severity`, `service`, `entity`). */
  labels: Record<string, string>;
  /** Annotations of the rule (e.g. `summary`, `runbook_url`). */
  annotations: Record<string, string>;
}

/** Options of {@link SloProvider.listAlertRules}. @public */
export interface ListAlertRulesOptions {
  /** One of the provider's sources, e.g. `prometheus:main`. */
  sourceId: string;
  /** Aborted when the sync's deadline passes or the backend stops. */
  signal: AbortSignal;
}
