import { parsePrometheusEnvelope } from './parsePrometheusEnvelope';
import { prometheusStatusError } from './prometheusStatusError';

/** The `data`, warnings and infos of a successful envelope. */
export interface PrometheusSuccess {
  resultType: string;
  result: unknown;
  warnings: string[];
  infos: string[];
}

/**
 * Reads a Prometheus query answer (`/api/v1/query`, `/api/v1/query_range`):
 * the envelope (see {@link parsePrometheusEnvelope}, which throws for error
 * envelopes and non-envelopes) whose `data` must be `{resultType, result}`.
 */
export function parsePrometheusResponse(
  instance: string,
  httpStatus: number,
  body: string,
  /** The query sent, so that an error does not repeat it. */
  query?: string,
): PrometheusSuccess {
  const {
    data: raw,
    warnings,
    infos,
  } = parsePrometheusEnvelope(instance, httpStatus, body, query);
  const data = raw as Record<string, unknown> | undefined;
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.resultType !== 'string' ||
    !('result' in data)
  ) {
    throw prometheusStatusError(
      instance,
      httpStatus,
      'the envelope has no data.resultType/result',
    );
  }
  return { resultType: data.resultType, result: data.result, warnings, infos };
}
