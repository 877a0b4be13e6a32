/** Operator of a PromQL label matcher. */
export type LabelMatchOperator = '=' | '!=' | '=~' | '!~';

/** One label matcher of a vector selector, with its value unquoted. */
export interface LabelMatcher {
  name: string;
  op: LabelMatchOperator;
  value: string;
}

/**
 * A PromQL instant vector selector such as
 * `http_requests_total{service="checkout-api",code=~"5.."}`, parsed.
 */
export interface VectorSelector {
  /** Metric name before the braces, if any. */
  metric?: string;
  matchers: LabelMatcher[];
}
