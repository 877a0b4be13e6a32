import { PrometheusQueryError } from './PrometheusQueryError';

/**
 * The error for an answer that is not a usable Prometheus envelope,
 * classified by its HTTP status: 401/403 and 404 explain the likely
 * misconfiguration, 429 and 5xx are retryable, anything else is an
 * `invalid_response`.
 */
export function prometheusStatusError(
  instance: string,
  httpStatus: number,
  detail: string,
): PrometheusQueryError {
  if (httpStatus === 401 || httpStatus === 403) {
    return new PrometheusQueryError({
      instance,
      errorType: 'unauthorized',
      httpStatus,
      retryable: false,
      detail: `${detail}; check the instance's headers (e.g. Authorization, or X-Scope-OrgID for Mimir)`,
    });
  }
  if (httpStatus === 404) {
    return new PrometheusQueryError({
      instance,
      errorType: 'not_found',
      httpStatus,
      retryable: false,
      detail: `${detail}; check baseUrl (Mimir serves the API under /prometheus)`,
    });
  }
  if (httpStatus === 429) {
    return new PrometheusQueryError({
      instance,
      errorType: 'rate_limited',
      httpStatus,
      retryable: true,
      detail,
    });
  }
  if (httpStatus >= 500) {
    return new PrometheusQueryError({
      instance,
      errorType: 'unavailable',
      httpStatus,
      retryable: true,
      detail,
    });
  }
  return new PrometheusQueryError({
    instance,
    errorType: 'invalid_response',
    httpStatus,
    retryable: false,
    detail,
  });
}
