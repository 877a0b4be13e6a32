import type { BurnRateWindowId } from '@preflight/plugin-reliability-common';
import type { SloDefinition } from '@preflight/plugin-reliability-node';
import type { SliQueryProblem } from './CompiledSli';

/** An SLO to plan queries for, on the instance it was resolved to. */
export interface PlannableSlo {
  /** Unique key of the SLO across entities (see `sloRefOf`). */
  ref: string;
  /** Configured instance name its queries go to. */
  instance: string;
  definition: SloDefinition;
  /**
   * Seconds the SLO is measured over at the evaluation time when that is not
   * `definition.windowSeconds`: a calendar-aligned window is measured from
   * its start. Burn-rate windows stay scaled to `windowSeconds`.
   */
  periodSeconds?: number;
}

/** What an instant window of an SLO is for: its SLO window, or a burn-rate window. */
export type WindowPurpose = 'period' | BurnRateWindowId;

/** An SLO served by a planned query. */
export interface PlannedMember {
  ref: string;
  /**
   * Values of the query's grouping labels that pick this SLO's series out of
   * the result; `{}` when the query serves one SLO.
   */
  groupValues: Record<string, string>;
}

/** Event counts over one window at the evaluation time (`/api/v1/query`). */
export interface PlannedInstantQuery {
  kind: 'instant';
  /** Stable within one plan, e.g. `q3`. */
  id: string;
  instance: string;
  promql: string;
  /** Range of `increase`. */
  windowSeconds: number;
  groupingLabels: string[];
  members: Array<PlannedMember & { purposes: WindowPurpose[] }>;
}

/**
 * A bucketed series over an SLO window (`/api/v1/query_range` ending at the
 * evaluation time): event counts per step, or threshold values per step.
 */
export interface PlannedRangeQuery {
  kind: 'range';
  id: string;
  instance: string;
  promql: string;
  values: 'counts' | 'threshold';
  /** The SLO window the series covers. */
  rangeSeconds: number;
  stepSeconds: number;
  groupingLabels: string[];
  members: PlannedMember[];
}

/** One query of a plan. */
export type PlannedQuery = PlannedInstantQuery | PlannedRangeQuery;

/** An SLO no query can measure, and why. */
export interface RejectedSlo {
  ref: string;
  problem: SliQueryProblem;
}

/** Output of `planBatchedQueries`. */
export interface QueryPlan {
  queries: PlannedQuery[];
  rejected: RejectedSlo[];
  /** Queries the planned SLOs would cost evaluated one SLO at a time. */
  unbatchedQueryCount: number;
}
