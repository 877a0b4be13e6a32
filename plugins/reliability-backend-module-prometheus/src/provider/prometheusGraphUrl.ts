import { formatPromqlDuration } from '../promql';

/**
 * A link that opens `expression` in the Prometheus UI's graph tab over
 * `rangeSeconds`, e.g. `http://prometheus:9090/graph?g0.expr=…&g0.tab=0&g0.range_input=30d`.
 * The base is the instance's configured `externalUrl`, never anything from
 * an entity.
 */
export function prometheusGraphUrl(
  externalUrl: string,
  expression: string,
  rangeSeconds: number,
): string {
  const params = new URLSearchParams({
    'g0.expr': expression,
    'g0.tab': '0',
    'g0.range_input': formatPromqlDuration(rangeSeconds),
  });
  return `${externalUrl.replace(/\/+$/, '')}/graph?${params.toString()}`;
}
