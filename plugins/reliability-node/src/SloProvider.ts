import type { Entity } from '@backstage/catalog-model';
import type { MetadataProblem } from '@preflight/plugin-reliability-common';
import type { SloDefinition } from '@preflight/plugin-reliability-node';
import type { AlertRuleRecord, ListAlertRulesOptions } from './AlertRuleRecord';
import type { SloMeasurement } from './SloMeasurement';
import type { SloRules, SloRulesInput } from './SloRules';

/**
 * One independently measured SLO source, e.g. one Prometheus instance. Each
 * has its own health and last-known-good observations, like an on-call
 * source.
 * @public
 */
export interface SloSourceInfo {
  /** Stable id, `<type>:<name>`, e.g. `prometheus:main`. */
  id: string;
  /** Provider type, e.g. `prometheus`. */
  type: string;
  /** Shown in the UI, e.g. `Prometheus (main)`. */
  displayName: string;
}

/** Where an SLO of an entity is measured, or why that cannot be told. @public */
export type SloSourceLocation =
  | { sourceId: string }
  | { problem: MetadataProblem };

/** Options of {@link SloProvider.measureSlos}. @public */
export interface SloMeasureOptions {
  /** Aborted when the scheduler's task times out or the backend stops. */
  signal: AbortSignal;
  /** Evaluation instant; defaults to now. Tests and replays set it. */
  now?: Date;
}

/**
 * What one measurement run of a source returns: one observation per SLO
 * asked for (`SloMeasurement`: event counts over the SLO window and each
 * burn-rate window, burn-down buckets, per-SLO errors and warnings), plus
 * query counts for logs and the health page.
 * @public
 */
export interface SloObservationBatch {
  sourceId: string;
  /** ISO-8601 instant the source was read at. */
  observedAt: string;
  observations: SloMeasurement[];
  /**
   * Set when the source could not be reached at all (e.g. "connection
   * refused", "timed out"), so nothing was measured: says why. The backend
   * records it as the source's error and keeps the last good evaluations.
   */
  unavailable?: string;
  stats: {
    slos: number;
    queries: number;
    unbatchedQueries: number;
    failedQueries: number;
  };
}

/** A link to open an SLO's query in the source's own UI. @public */
export interface SloQueryLink {
  title: string;
  url: string;
}

/**
 * An SLO measurement source. Providers read their source in bulk (grouped
 * PromQL) and return normalized observations; they never see the store or
 * the REST API. The backend parses the OpenSLO documents (-common), asks
 * each provider to locate every SLO, groups SLOs by source, and calls
 * `measureSlos` once per source from a scheduled task (global scope), and
 * once for a single entity on "refresh now". Evaluation (attainment, budget,
 * burn rates, alert state, burn-down) stays in the backend with -common's
 * pure functions, so every provider is judged the same way.
 * @public
 */
export interface SloProvider {
  /** Provider type, e.g. `prometheus`. */
  readonly type: string;

  /** The sources (instances) this provider measures. */
  listSources(): SloSourceInfo[];

  /**
   * Maps an SLO of an entity to one of this provider's sources from the SLO
   * and the entity's annotations alone. Pure: no I/O. An unknown or
   * malformed source name is a problem scoped to the entity and field.
   */
  locateSlo(entity: Entity, slo: SloDefinition): SloSourceLocation;

  /** Measures SLOs located on one source. Never throws for one bad SLO; rejects only when cancelled. */
  measureSlos(
    sourceId: string,
    slos: readonly SloDefinition[],
    options: SloMeasureOptions,
  ): Promise<SloObservationBatch>;

  /** Links for the SLO card ("open in Prometheus"). Pure. */
  queryLinks(sourceId: string, slo: SloDefinition): SloQueryLink[];

  /** Recording and alerting rules for an entity's SLOs, when the source can run them. Pure. */
  exportRules?(input: SloRulesInput): SloRules;

  /**
   * Every alerting rule the source evaluates, read in bulk (one request per
   * source), for the scorecard's "alert rules have runbooks" check. Called
   * once per SLO sync of the source, after a successful measurement. Rejects
   * when the rules cannot be read; the backend then keeps the rules it read
   * last and records a warning on the source.
   */
  listAlertRules?(options: ListAlertRulesOptions): Promise<AlertRuleRecord[]>;
}
