// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  parseVectorSelector,
  PromqlSyntaxError,
  type VectorSelector,
} from '@preflight/plugin-reliability-backend-module-prometheus/src/workspaceInternals';

/** A plain PromQL series selector with its metric name. */
export type SeriesSelector = VectorSelector & { metric: string };

/**
 * Reads a plain series selector such as
 * `http_requests_total{service="x",code=~"5.."}` with the Prometheus
 * module's parser: the only query shape the demo data can answer. Anything
 * else (functions, aggregations, a selector without a metric name) yields
 * `undefined` so the caller can report it instead of guessing.
 */
export function parseSeriesSelector(query: string): SeriesSelector | undefined {
  let selector: VectorSelector;
  try {
    selector = parseVectorSelector(query);
  } catch (error) {
    if (error instanceof PromqlSyntaxError) {
      return undefined;
    }
    throw error;
  }
  const { metric, matchers } = selector;
  return metric === undefined ? undefined : { metric, matchers };
}

/** Whether a series with these labels is selected (regexes are anchored, as in PromQL). */
export function selectorMatches(
  selector: SeriesSelector,
  metric: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (selector.metric !== metric) {
    return false;
  }
  return selector.matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? '';
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual);
      default:
        return !new RegExp(`^(?:${value})$`).test(actual);
    }
  });
}
