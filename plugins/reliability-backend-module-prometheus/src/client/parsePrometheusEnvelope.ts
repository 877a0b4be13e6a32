import { PrometheusQueryError } from './PrometheusQueryError';
import { errorReason } from './errorReason';
import { prometheusStatusError } from './prometheusStatusError';

/** The `data`, warnings and infos of a successful envelope, whatever the endpoint. */
export interface PrometheusEnvelope {
  data: unknown;
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

/** The warning of an answer the engine marked partial (`isPartial: true`). */
export const PARTIAL_RESPONSE_WARNING =
  'partial response: the engine answered without some of its storage nodes (isPartial), so counts may be too low';

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * Reads the envelope every Prometheus HTTP API endpoint answers with:
 * `{status, data, errorType, error, warnings, infos}` and its HTTP status.
 * Returns the envelope of a success; throws a {@link PrometheusQueryError}
 * for an error envelope (`bad_data` 400 and `execution` 422 are final,
 * `timeout`/`canceled` 503 and other 5xx retryable) and for anything that
 * is not an envelope (an HTML page from a proxy, a truncated body),
 * classified by HTTP status. An error's reason loses any echo of `query`
 * (the query sent) and keeps at most 500 characters, its cause included.
 */
export function parsePrometheusEnvelope(
  instance: string,
  httpStatus: number,
  body: string,
  query?: string,
): PrometheusEnvelope {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    // The body itself is not repeated: it may be a proxy page of any size.
    throw prometheusStatusError(
      instance,
      httpStatus,
      `the response is not a Prometheus JSON envelope (${body.length} bytes)`,
    );
  }
  if (typeof envelope !== 'object' || envelope === null) {
    throw prometheusStatusError(
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
      typeof record.error === 'string'
        ? errorReason(record.error, query)
        : 'no message';
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
    throw prometheusStatusError(
      instance,
      httpStatus,
      `unexpected envelope status ${JSON.stringify(record.status)}`,
    );
  }
  if (record.isPartial === true) {
    // VictoriaMetrics cluster: some storage nodes did not answer, so every
    // count may be too low. Never a silent success.
    warnings.push(PARTIAL_RESPONSE_WARNING);
  }
  return { data: record.data, warnings, infos };
}
