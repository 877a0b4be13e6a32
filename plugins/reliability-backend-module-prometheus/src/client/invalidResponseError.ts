import { PrometheusQueryError } from './PrometheusQueryError';

/**
 * The error for a success envelope whose `data` does not have the shape of
 * the endpoint's answer. Never retried: the same server answers the same.
 */
export function invalidResponseError(
  instance: string,
  detail: string,
): PrometheusQueryError {
  return new PrometheusQueryError({
    instance,
    errorType: 'invalid_response',
    retryable: false,
    detail,
  });
}
