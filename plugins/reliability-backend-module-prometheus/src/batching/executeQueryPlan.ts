import type { PrometheusClient } from '../client/PrometheusClient';
import type {
  InstantQueryResult,
  RangeQueryResult,
} from '../client/PrometheusResult';
import type { PlannedQuery, QueryPlan } from './QueryPlan';

/** The answer to one planned query. */
export type QueryOutcome =
  | {
      query: PlannedQuery;
      ok: true;
      instant?: InstantQueryResult;
      range?: RangeQueryResult;
    }
  | { query: PlannedQuery; ok: false; error: Error };

/** Options of {@link executeQueryPlan}. */
export interface ExecuteQueryPlanOptions {
  /** The client of each instance; queries for an unknown instance fail. */
  clientFor(instance: string): PrometheusClient | undefined;
  /** Evaluation instant of every query (range queries end here). */
  at: Date;
  signal?: AbortSignal;
  /**
   * Instances found down before the run, with why: their queries are not
   * sent and fail with that error.
   */
  unavailable?: ReadonlyMap<string, Error>;
}

/**
 * Runs every query of a plan and returns one outcome per query, in plan
 * order. A failed query is an outcome, not an exception, so the SLOs of other
 * queries still get their numbers. Concurrency is bounded per instance by
 * each client's `maxConcurrency`. Queries of an instance in `unavailable`
 * are not sent.
 */
export async function executeQueryPlan(
  plan: QueryPlan,
  options: ExecuteQueryPlanOptions,
): Promise<QueryOutcome[]> {
  const atSeconds = options.at.getTime() / 1000;
  return Promise.all(
    plan.queries.map(async (query): Promise<QueryOutcome> => {
      const down = options.unavailable?.get(query.instance);
      if (down) {
        return { query, ok: false, error: down };
      }
      const client = options.clientFor(query.instance);
      if (!client) {
        return {
          query,
          ok: false,
          error: new Error(
            `Prometheus instance "${query.instance}" is not configured`,
          ),
        };
      }
      try {
        if (query.kind === 'instant') {
          const instant = await client.instantQuery(query.promql, {
            time: atSeconds,
            signal: options.signal,
          });
          return { query, ok: true, instant };
        }
        const range = await client.rangeQuery(query.promql, {
          start: atSeconds - query.rangeSeconds + query.stepSeconds,
          end: atSeconds,
          stepSeconds: query.stepSeconds,
          signal: options.signal,
        });
        return { query, ok: true, range };
      } catch (error) {
        return {
          query,
          ok: false,
          error: error instanceof Error ? error : new Error(String(error)),
        };
      }
    }),
  );
}
