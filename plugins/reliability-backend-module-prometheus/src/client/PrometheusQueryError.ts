/**
 * Why a Prometheus request failed. The first five are Prometheus' own
 * `errorType`s; the rest are decided by the client:
 * `deadline` (no answer within `timeoutMs`), `network` (connection refused or
 * reset), `aborted` (the caller gave up), `unauthorized` (401/403),
 * `not_found` (404: wrong base URL or path prefix), `rate_limited` (429),
 * `unavailable` (another 5xx without an envelope), `invalid_response` (not
 * the Prometheus envelope), `too_many_points` (range query refused before
 * sending). Engines may send other `errorType`s; they are kept as given.
 */
export type PrometheusErrorType =
  | 'bad_data'
  | 'execution'
  | 'timeout'
  | 'canceled'
  | 'internal'
  | 'deadline'
  | 'network'
  | 'aborted'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'unavailable'
  | 'invalid_response'
  | 'too_many_points'
  | (string & {});

/** Fields of a {@link PrometheusQueryError}. */
export interface PrometheusQueryErrorOptions {
  instance: string;
  errorType: PrometheusErrorType;
  /** What went wrong, without header values. */
  detail: string;
  httpStatus?: number;
  retryable: boolean;
  /** Requests made, including retries. */
  attempts?: number;
  /** Warnings Prometheus sent along with the error. */
  warnings?: string[];
}

/**
 * A failed Prometheus query. The message names the instance and the error
 * type, never a configured header value.
 */
export class PrometheusQueryError extends Error {
  readonly instance: string;
  readonly errorType: PrometheusErrorType;
  readonly httpStatus?: number;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly detail: string;
  readonly warnings: string[];

  constructor(options: PrometheusQueryErrorOptions) {
    const status =
      options.httpStatus !== undefined ? ` (HTTP ${options.httpStatus})` : '';
    super(
      `Prometheus instance "${options.instance}": ${options.errorType}${status}: ${options.detail}`,
    );
    this.name = 'PrometheusQueryError';
    this.instance = options.instance;
    this.errorType = options.errorType;
    this.httpStatus = options.httpStatus;
    this.retryable = options.retryable;
    this.attempts = options.attempts ?? 1;
    this.detail = options.detail;
    this.warnings = options.warnings ?? [];
  }

  /** The same error after `attempts` requests. */
  withAttempts(attempts: number): PrometheusQueryError {
    return new PrometheusQueryError({
      instance: this.instance,
      errorType: this.errorType,
      detail: this.detail,
      httpStatus: this.httpStatus,
      retryable: this.retryable,
      attempts,
      warnings: this.warnings,
    });
  }
}

/** Type guard for {@link PrometheusQueryError}. */
export function isPrometheusQueryError(
  error: unknown,
): error is PrometheusQueryError {
  return error instanceof PrometheusQueryError;
}
