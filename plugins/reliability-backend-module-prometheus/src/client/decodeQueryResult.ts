import { invalidResponseError } from './invalidResponseError';
import type { PrometheusSuccess } from './parsePrometheusResponse';
import type {
  InstantQueryResult,
  PrometheusPoint,
  PrometheusSample,
  PrometheusSeries,
  RangeQueryResult,
} from './PrometheusResult';
import { parseSampleValue } from './parseSampleValue';

function labelsOf(instance: string, metric: unknown): Record<string, string> {
  if (typeof metric !== 'object' || metric === null || Array.isArray(metric)) {
    throw invalidResponseError(instance, 'a series has no "metric" object');
  }
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    if (typeof value !== 'string') {
      throw invalidResponseError(instance, `label "${name}" is not a string`);
    }
    labels[name] = value;
  }
  return labels;
}

function pointOf(instance: string, pair: unknown): PrometheusPoint {
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    typeof pair[0] !== 'number'
  ) {
    throw invalidResponseError(
      instance,
      'a sample is not a [timestamp, "value"] pair',
    );
  }
  const value = parseSampleValue(pair[1]);
  if (value === undefined) {
    throw invalidResponseError(
      instance,
      `sample value ${JSON.stringify(pair[1])} is not a number`,
    );
  }
  return { timestampSeconds: pair[0], value };
}

/**
 * Decodes the result of an instant query: a vector, or a scalar as one
 * unlabelled sample. Native-histogram samples have no float value and come
 * back as `null`.
 */
export function decodeInstantResult(
  instance: string,
  success: PrometheusSuccess,
): InstantQueryResult {
  const { warnings, infos } = success;
  if (success.resultType === 'scalar') {
    return {
      resultType: 'scalar',
      samples: [{ labels: {}, ...pointOf(instance, success.result) }],
      warnings,
      infos,
    };
  }
  if (success.resultType !== 'vector' || !Array.isArray(success.result)) {
    throw invalidResponseError(
      instance,
      `expected a vector or scalar, got ${JSON.stringify(success.resultType)}`,
    );
  }
  const samples = success.result.map((item): PrometheusSample => {
    const record = (item ?? {}) as Record<string, unknown>;
    const labels = labelsOf(instance, record.metric);
    if (record.value === undefined && record.histogram !== undefined) {
      const [timestampSeconds] = record.histogram as [number];
      return { labels, timestampSeconds, value: null };
    }
    return { labels, ...pointOf(instance, record.value) };
  });
  return { resultType: 'vector', samples, warnings, infos };
}

/**
 * Decodes the result of a range query (a matrix). Native-histogram points
 * are skipped: they carry no float value.
 */
export function decodeRangeResult(
  instance: string,
  success: PrometheusSuccess,
): RangeQueryResult {
  if (success.resultType !== 'matrix' || !Array.isArray(success.result)) {
    throw invalidResponseError(
      instance,
      `expected a matrix, got ${JSON.stringify(success.resultType)}`,
    );
  }
  const series = success.result.map((item): PrometheusSeries => {
    const record = (item ?? {}) as Record<string, unknown>;
    const values = record.values ?? [];
    if (!Array.isArray(values)) {
      throw invalidResponseError(instance, 'a series has no "values" list');
    }
    return {
      labels: labelsOf(instance, record.metric),
      points: values.map(pair => pointOf(instance, pair)),
    };
  });
  return { series, warnings: success.warnings, infos: success.infos };
}
