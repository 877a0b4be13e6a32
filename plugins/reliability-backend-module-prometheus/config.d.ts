export interface Config {
  reliability?: {
    /** Prometheus source of Preflight (SLO measurement). */
    prometheus?: {
      /**
       * Prometheus-compatible servers (Prometheus, Thanos, Mimir,
       * VictoriaMetrics). Entities and OpenSLO `metricSourceRef` pick one by
       * `name`, never by URL. Each instance is an independent source named
       * `prometheus:<name>`, with its own health.
       */
      instances: Array<{
        /**
         * Instance name used by the `preflight.dev/prometheus-instance`
         * annotation and OpenSLO `metricSourceRef`. Letters, digits, "-" and
         * "_" (at most 63, starting with a letter or digit).
         */
        name: string;
        /**
         * Base URL of the HTTP API, without `/api/v1`, e.g.
         * `http://prometheus:9090` or, for Mimir, `http://mimir/prometheus`.
         */
        baseUrl: string;
        /**
         * Extra request headers, e.g. `Authorization` or Mimir's
         * `X-Scope-OrgID`. Values never appear in logs or errors.
         * @visibility secret
         */
        headers?: { [name: string]: string };
        /** Deadline of each request in milliseconds (1-600000). Defaults to 30000. */
        timeoutMs?: number;
        /** Queries in flight at once against this instance (1-64). Defaults to 4. */
        maxConcurrency?: number;
        /**
         * Base URL people open in a browser for "open in Prometheus" links,
         * when it differs from `baseUrl`. Defaults to `baseUrl`.
         */
        externalUrl?: string;
        /**
         * Base URL of the service that serves this instance's alerting
         * rules (`/api/v1/rules`) when the instance does not: vmalert
         * (e.g. `http://vmalert:8880`) for VictoriaMetrics, the Mimir ruler
         * (e.g. `http://mimir/prometheus`). Sent the same headers.
         * Defaults to `baseUrl`.
         */
        rulesUrl?: string;
        /**
         * Link of "open the query" buttons: a URL with `{{query}}` (the
         * PromQL, URL-encoded) and optionally `{{range}}` (e.g. `30d`), such
         * as vmui's `http://vm:8428/vmui/#/?g0.expr={{query}}&g0.range_input={{range}}`
         * or a Grafana Explore link. Defaults by engine: Prometheus'
         * `/graph`, VictoriaMetrics' `/vmui`, both under `externalUrl`.
         */
        queryLinkTemplate?: string;
      }>;
      /**
       * The instance of SLOs that name none (no `metricSourceRef`, no
       * annotation). Defaults to the first instance.
       */
      defaultInstance?: string;
    };
  };
}
