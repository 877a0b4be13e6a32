/** A sample of an instant query. */
export interface PrometheusSample {
  labels: Record<string, string>;
  timestampSeconds: number;
  /** `null` for NaN; ±Infinity for ±Inf. */
  value: number | null;
}

/** A point of a range query series. */
export interface PrometheusPoint {
  timestampSeconds: number;
  /** `null` for NaN; ±Infinity for ±Inf. */
  value: number | null;
}

/** A series of a range query. */
export interface PrometheusSeries {
  labels: Record<string, string>;
  points: PrometheusPoint[];
}

/** Result of an instant query (a scalar comes back as one unlabelled sample). */
export interface InstantQueryResult {
  resultType: 'vector' | 'scalar';
  samples: PrometheusSample[];
  /** Warnings of the envelope, e.g. Thanos/Mimir partial responses. */
  warnings: string[];
  /** Informational notices (Prometheus 2.45+ `infos`). */
  infos: string[];
}

/** Result of a range query. */
export interface RangeQueryResult {
  series: PrometheusSeries[];
  warnings: string[];
  infos: string[];
}

/** An alerting rule of `GET /api/v1/rules?type=alert`. */
export interface PrometheusAlertingRule {
  /** The rule group's name. */
  group: string;
  /** The file the group was loaded from (absent when the engine does not say). */
  file?: string;
  /** The alert's name. */
  name: string;
  /** The rule's PromQL expression. */
  query: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
