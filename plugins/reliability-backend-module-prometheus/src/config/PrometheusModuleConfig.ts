/** One configured Prometheus instance, validated and with defaults applied. */
export interface PrometheusInstanceConfig {
  /** Name entities and OpenSLO `metricSourceRef` use. */
  name: string;
  /** Base URL of the HTTP API without a trailing slash, e.g. `http://mimir/prometheus`. */
  baseUrl: string;
  /** Extra headers sent with every request (secret: never logged). */
  headers: Record<string, string>;
  /** Deadline of each request in milliseconds. */
  timeoutMs: number;
  /** Queries in flight at once against this instance. */
  maxConcurrency: number;
  /** Base URL for browser links; `baseUrl` unless configured. */
  externalUrl: string;
  /**
   * Base URL of the Prometheus rules API (`/api/v1/rules`) when another
   * service serves it: vmalert for VictoriaMetrics, the Mimir ruler.
   * Undefined: the instance itself.
   */
  rulesUrl?: string;
  /**
   * Link of "open the query" buttons, with `{{query}}` (the PromQL, URL
   * encoded) and optionally `{{range}}` (e.g. `30d`). Undefined: the
   * default of the detected engine (see `queryLinkUrl`).
   */
  queryLinkTemplate?: string;
}

/** `reliability.prometheus`, validated. */
export interface PrometheusModuleConfig {
  instances: PrometheusInstanceConfig[];
  /** Undefined only when no instance is configured. */
  defaultInstance?: string;
}

/** Default of {@link PrometheusInstanceConfig.timeoutMs}. */
export const DEFAULT_PROMETHEUS_TIMEOUT_MS = 30_000;

/** Default of {@link PrometheusInstanceConfig.maxConcurrency}. */
export const DEFAULT_PROMETHEUS_MAX_CONCURRENCY = 4;

/**
 * Instance names: the same rule the OpenSLO parser applies to
 * `metricSourceRef`, so every configured name can be referenced.
 */
export const PROMETHEUS_INSTANCE_NAME_PATTERN =
  /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
