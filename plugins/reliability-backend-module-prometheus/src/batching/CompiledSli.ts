import type { VectorSelector } from '../promql';

/** Which event count the first query of a ratio SLI gives. */
export type SliNumerator = 'good' | 'bad';

/**
 * An SLI reduced to the queries Preflight issues.
 *
 * - `counters`: both queries are counter selectors; counts over a window are
 *   `sum(increase(<selector>[window]))`. Only these can be batched.
 * - `expressions`: both queries are user PromQL with a `$window`
 *   placeholder; each is evaluated as `sum(<query>)` on its own.
 * - `threshold`: a value (e.g. a latency quantile) read over time.
 */
export type CompiledSli =
  | {
      kind: 'counters';
      numerator: SliNumerator;
      numeratorSelector: VectorSelector;
      totalSelector: VectorSelector;
    }
  | {
      kind: 'expressions';
      numerator: SliNumerator;
      numeratorTemplate: string;
      totalTemplate: string;
    }
  | { kind: 'threshold'; template: string };

/** Why an SLI's queries cannot be measured, scoped to the query field. */
export interface SliQueryProblem {
  /** e.g. `ratioMetric.bad.metricSource.spec.query` */
  field: string;
  message: string;
  fix?: string;
}
