/**
 * Which Prometheus-compatible engine answers: they share the query API but
 * differ in what else they serve (rules, partial answers, UI).
 */
export type PrometheusEngine =
  | 'prometheus'
  | 'thanos'
  | 'mimir'
  | 'victoriametrics'
  | 'unknown';

/** What `/api/v1/status/buildinfo` tells about the engine. */
export interface PrometheusEngineInfo {
  engine: PrometheusEngine;
  /** The version the engine reports, when it does. */
  version?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Tells the engine from its answer to `GET /api/v1/status/buildinfo`:
 * Mimir names itself (`application: "Grafana Mimir"`); VictoriaMetrics
 * answers with an empty `data` (1.79) and sets `X-Server-Hostname` on every
 * answer; Thanos reports a 0.x version where Prometheus reports 2.x or 3.x.
 * Anything else (a 404 from a proxy, an unexpected body) is `unknown`.
 */
export function detectEngine(
  httpStatus: number,
  headers: { get(name: string): string | null },
  body: string,
): PrometheusEngineInfo {
  if (headers.get('x-server-hostname') !== null) {
    return { engine: 'victoriametrics', ...versionOf(body) };
  }
  if (httpStatus < 200 || httpStatus > 299) {
    return { engine: 'unknown' };
  }
  let data: unknown;
  try {
    data = (JSON.parse(body) as { data?: unknown })?.data;
  } catch {
    return { engine: 'unknown' };
  }
  if (!isObject(data)) {
    return { engine: 'unknown' };
  }
  const { version } = versionOf(body);
  const application =
    typeof data.application === 'string' ? data.application : '';
  if (/mimir/i.test(application)) {
    return { engine: 'mimir', ...(version ? { version } : {}) };
  }
  if (/victoria/i.test(application) || Object.keys(data).length === 0) {
    return { engine: 'victoriametrics', ...(version ? { version } : {}) };
  }
  if (!version) {
    return { engine: 'unknown' };
  }
  return { engine: /^v?0\./.test(version) ? 'thanos' : 'prometheus', version };
}

function versionOf(body: string): { version?: string } {
  try {
    const data = (JSON.parse(body) as { data?: unknown })?.data;
    return isObject(data) && typeof data.version === 'string' && data.version
      ? { version: data.version }
      : {};
  } catch {
    return {};
  }
}
