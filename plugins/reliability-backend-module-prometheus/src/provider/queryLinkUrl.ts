import type { PrometheusEngine } from '../client/detectEngine';
import type { PrometheusInstanceConfig } from '../config/PrometheusModuleConfig';
import { formatPromqlDuration } from '../promql';
import { prometheusGraphUrl } from './prometheusGraphUrl';

/**
 * The link that opens `expression` over `rangeSeconds` for people: the
 * instance's `queryLinkTemplate` when configured (`{{query}}` URL-encoded,
 * `{{range}}` as a PromQL duration), else the engine's own UI under
 * `externalUrl`: vmui for VictoriaMetrics, `/graph` for Prometheus and
 * Thanos (and for an engine not detected yet). Mimir has no query UI: set a
 * Grafana Explore template for it.
 */
export function queryLinkUrl(
  instance: Pick<PrometheusInstanceConfig, 'externalUrl' | 'queryLinkTemplate'>,
  engine: PrometheusEngine | undefined,
  expression: string,
  rangeSeconds: number,
): string {
  const range = formatPromqlDuration(rangeSeconds);
  if (instance.queryLinkTemplate) {
    return instance.queryLinkTemplate
      .split('{{query}}')
      .join(encodeURIComponent(expression))
      .split('{{range}}')
      .join(encodeURIComponent(range));
  }
  if (engine === 'victoriametrics') {
    const params = new URLSearchParams({
      'g0.expr': expression,
      'g0.range_input': range,
      'g0.tab': '0',
    });
    return `${instance.externalUrl.replace(/\/+$/, '')}/vmui/#/?${params}`;
  }
  return prometheusGraphUrl(instance.externalUrl, expression, rangeSeconds);
}
