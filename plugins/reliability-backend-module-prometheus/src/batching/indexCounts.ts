import type { SloEventCounts } from '@preflight/plugin-reliability-common';
import type {
  PrometheusPoint,
  PrometheusSample,
  PrometheusSeries,
} from '../client/PrometheusResult';
import { type CountsPart, PART_LABEL } from './buildCountsQuery';
import type { SliNumerator } from './CompiledSli';

/** Key of a group of series: the grouping label values, in label order. */
export function groupKey(
  groupingLabels: readonly string[],
  labels: Record<string, string>,
): string {
  return JSON.stringify(groupingLabels.map(name => labels[name] ?? ''));
}

/** Numerator and total of one group, as returned (absent when no series). */
export interface CountsPair<T> {
  numerator?: T;
  total?: T;
}

function partOf(labels: Record<string, string>): CountsPart | undefined {
  const part = labels[PART_LABEL];
  return part === 'numerator' || part === 'total' ? part : undefined;
}

/** Indexes the samples of a counts query by group and part. */
export function indexCountSamples(
  samples: readonly PrometheusSample[],
  groupingLabels: readonly string[],
): Map<string, CountsPair<number | null>> {
  const index = new Map<string, CountsPair<number | null>>();
  for (const sample of samples) {
    const part = partOf(sample.labels);
    if (!part) {
      continue;
    }
    const key = groupKey(groupingLabels, sample.labels);
    index.set(key, { ...index.get(key), [part]: sample.value });
  }
  return index;
}

/** Indexes the series of a counts range query by group and part. */
export function indexCountSeries(
  series: readonly PrometheusSeries[],
  groupingLabels: readonly string[],
): Map<string, CountsPair<PrometheusPoint[]>> {
  const index = new Map<string, CountsPair<PrometheusPoint[]>>();
  for (const item of series) {
    const part = partOf(item.labels);
    if (!part) {
      continue;
    }
    const key = groupKey(groupingLabels, item.labels);
    index.set(key, { ...index.get(key), [part]: item.points });
  }
  return index;
}

/** Outcome of {@link toEventCounts}. */
export interface EventCountsResult {
  counts: SloEventCounts | null;
  warning?: string;
}

/**
 * Event counts of one window from the numerator and total a query returned.
 * No total series means no data; no numerator series means none of those
 * events (the usual state of a 5xx selector), which for a good/total SLI is
 * worth a warning because it usually means a mistyped selector.
 */
export function toEventCounts(
  pair: CountsPair<number | null> | undefined,
  numerator: SliNumerator,
): EventCountsResult {
  if (pair?.total === undefined) {
    return { counts: null };
  }
  const total = pair.total;
  const value = pair.numerator === undefined ? 0 : pair.numerator;
  if (
    total === null ||
    value === null ||
    !Number.isFinite(total) ||
    !Number.isFinite(value)
  ) {
    return {
      counts: null,
      warning:
        'Prometheus returned NaN or an infinite count; treated as no data',
    };
  }
  if (numerator === 'bad') {
    return { counts: { good: total - value, total } };
  }
  return pair.numerator === undefined && total > 0
    ? {
        counts: { good: 0, total },
        warning:
          'the good query matched no series while the total query had traffic; check its selector',
      }
    : { counts: { good: value, total } };
}
