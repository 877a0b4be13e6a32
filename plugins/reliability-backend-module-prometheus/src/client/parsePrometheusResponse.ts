import { PrometheusQueryError } from './PrometheusQueryError';

/** The `data`, warnings and infos of a successful envelope. @public */
export interface PrometheusSuccess {
  resultType: string;
  result: unknown;
  warnings: string[];
  infos: string[];
}

// Prometheus error types that say "try again later" rather than "this query
// is wrong": a server-side timeout, a cancelled query, an internal error or
// an overloaded engine.
const RETRYABLE_ERROR_TYPES = new Set([
  'timeout',
  'canceled',
  'internal',
  'unavailable',
]);
const MAX_DETAIL = 500;

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function short(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

function statusError(
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

/**
 * Reads a Prometheus HTTP API answer: the envelope `{status, data:
 * {resultType, result}, errorType, error, warnings, infos}` and its HTTP
 * status. Returns the data of a success; throws a
 * {@link PrometheusQueryError} for an error envelope (`bad_data` 400 and
 * `execution` 422 are final, `timeout`/`canceled` 503 and other 5xx
 * retryable) and for anything that is not an envelope (an HTML page from a
 * proxy, a truncated body), classified by HTTP status.
 * @public
 */
export function parsePrometheusResponse(
  instance: string,
  httpStatus: number,
  body: string,
): PrometheusSuccess {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    // The body itself is not repeated: it may be a proxy page of any size.
    throw statusError(
      instance,
      httpStatus,
      `the response is not a Prometheus JSON envelope (${body.length} bytes)`,
    );
  }
  if (typeof envelope !== 'object' || envelope === null) {
    throw statusError(
      instance,
      httpStatus,
      'the response is not a Prometheus envelope',
    );
  }
  const record = envelope as Record<string, unknown>;
  const warnings = strings(record.warnings);
  const infos = strings(record.infos);

  if (record.status === 'error') {
    const errorType =
      typeof record.errorType === 'string' && record.errorType !== ''
        ? record.errorType
        : 'unknown';
    const message =
      typeof record.error === 'string' ? short(record.error) : 'no message';
    // A query Prometheus finds wrong stays wrong: never retried.
    const final = errorType === 'bad_data' || errorType === 'execution';
    throw new PrometheusQueryError({
      instance,
      errorType,
      httpStatus,
      retryable:
        !final &&
        (RETRYABLE_ERROR_TYPES.has(errorType) ||
          httpStatus >= 500 ||
          httpStatus === 429),
      detail: message,
      warnings,
    });
  }
  if (record.status !== 'success' || httpStatus < 200 || httpStatus > 299) {
    throw statusError(
      instance,
      httpStatus,
      `unexpected envelope status ${JSON.stringify(record.status)}`,
    );
  }
  const data = record.data as Record<string, unknown> | undefined;
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.resultType !== 'string' ||
    !('result' in data)
  ) {
    throw statusError(
      instance,
      httpStatus,
      'the envelope has no data.resultType/result',
    );
  }
  return { resultType: data.resultType, result: data.result, warnings, infos };
}
