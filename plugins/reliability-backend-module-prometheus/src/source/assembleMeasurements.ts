import {
  compareWithThreshold,
  type BurnDownBucket,
  type SloDefinition,
} from '@preflight/plugin-reliability-common';
import { isPrometheusQueryError } from '../client/PrometheusQueryError';
import type {
  PrometheusPoint,
  PrometheusSeries,
} from '../client/PrometheusResult';
import type { QueryOutcome } from '../batching/executeQueryPlan';
import { formatPromqlDuration } from '../promql';
import {
  groupKey,
  indexCountSamples,
  indexCountSeries,
  toEventCounts,
} from '../batching/indexCounts';
import type {
  PlannableSlo,
  PlannedInstantQuery,
  PlannedMember,
  PlannedQuery,
  PlannedRangeQuery,
  QueryPlan,
} from '../batching/QueryPlan';
import type {
  SloMeasurement,
  SloMeasurementError,
} from '@preflight/plugin-reliability-node';
import { sloFieldPath } from './sloFieldPath';

const MAX_QUERY_IN_MESSAGE = 300;

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function describeSlo(definition: SloDefinition): string {
  return `SLO "${definition.id}" of ${definition.entityRef}`;
}

function describeQuery(query: PlannedQuery): string {
  const duration = formatPromqlDuration;
  return query.kind === 'instant'
    ? `${duration(query.windowSeconds)} counts query`
    : `${duration(query.rangeSeconds)} ${
        query.values === 'threshold' ? 'threshold series' : 'burn-down'
      } query`;
}

function failure(
  definition: SloDefinition,
  query: PlannedQuery,
  error: Error,
): SloMeasurementError {
  const promql =
    query.promql.length > MAX_QUERY_IN_MESSAGE
      ? `${query.promql.slice(0, MAX_QUERY_IN_MESSAGE)}…`
      : query.promql;
  const errorType = isPrometheusQueryError(error) ? error.errorType : undefined;
  const reason = isPrometheusQueryError(error)
    ? `Prometheus instance "${error.instance}" answered ${error.errorType}${
        error.httpStatus ? ` (HTTP ${error.httpStatus})` : ''
      }: ${error.detail}`
    : error.message;
  return {
    message: `${describeSlo(definition)}: the ${describeQuery(
      query,
    )} failed. ${reason}. Query: ${promql}`,
    query: query.promql,
    instance: query.instance,
    ...(errorType ? { errorType } : {}),
  };
}

// A grouped query serves up to `maxGroupSize` SLOs: index each result once,
// not once per SLO, or assembling grows with the square of the group size.
const sampleIndexes = new WeakMap<
  object,
  ReturnType<typeof indexCountSamples>
>();
const seriesIndexes = new WeakMap<
  object,
  ReturnType<typeof indexCountSeries>
>();

function sampleIndexOf(
  query: PlannedInstantQuery,
  outcome: Extract<QueryOutcome, { ok: true }>,
) {
  let index = sampleIndexes.get(outcome);
  if (!index) {
    index = indexCountSamples(outcome.instant!.samples, query.groupingLabels);
    sampleIndexes.set(outcome, index);
  }
  return index;
}

function seriesIndexOf(
  query: PlannedRangeQuery,
  outcome: Extract<QueryOutcome, { ok: true }>,
) {
  let index = seriesIndexes.get(outcome);
  if (!index) {
    index = indexCountSeries(outcome.range!.series, query.groupingLabels);
    seriesIndexes.set(outcome, index);
  }
  return index;
}

function pointsByTime(points: readonly PrometheusPoint[] | undefined) {
  const map = new Map<number, number | null>();
  for (const point of points ?? []) {
    map.set(Math.round(point.timestampSeconds * 1000), point.value);
  }
  return map;
}

/**
 * Says when the data does not cover the whole SLO window, e.g. a 60-day
 * window on a Prometheus that keeps 31 days: Prometheus then measures
 * whatever there is, and the figures must say over what. `times` are the
 * ends of the steps; `firstWithData` the index of the first step any series
 * had a sample in.
 */
function coverageWarning(
  query: PlannedRangeQuery,
  times: readonly number[],
  firstWithData: number,
): string | undefined {
  if (firstWithData <= 0 || firstWithData >= times.length) {
    return undefined;
  }
  const covered = (times.length - firstWithData) * query.stepSeconds;
  const window = query.rangeSeconds;
  const span =
    window % 86_400 === 0
      ? `${Number((covered / 86_400).toFixed(1))} of ${window / 86_400} days`
      : `${formatPromqlDuration(covered)} of ${formatPromqlDuration(window)}`;
  const since = iso(times[firstWithData] - query.stepSeconds);
  return `measured over ${span}: there is no data for this SLO before ${since} (not retained by Prometheus, or not recorded yet), so attainment and budget cover only that part of the window`;
}

function bucketTimes(query: PlannedRangeQuery, atSeconds: number): number[] {
  const count = Math.floor(query.rangeSeconds / query.stepSeconds);
  const start = atSeconds - query.rangeSeconds + query.stepSeconds;
  return Array.from({ length: count }, (_, k) => start + k * query.stepSeconds);
}

/**
 * Turns the outcomes of a plan into one measurement per planned SLO:
 * each query's results are mapped back to its members by their grouping
 * label values; a failed query becomes an error on every member, naming the
 * SLO and the query. Pure.
 * @public
 */
export function assembleMeasurements(input: {
  slos: readonly PlannableSlo[];
  plan: QueryPlan;
  outcomes: readonly QueryOutcome[];
  at: Date;
}): Map<string, SloMeasurement> {
  const atSeconds = input.at.getTime() / 1000;
  const evaluatedAt = input.at.toISOString();
  const measurements = new Map<string, SloMeasurement>();
  const definitions = new Map<string, SloDefinition>();
  for (const slo of input.slos) {
    definitions.set(slo.ref, slo.definition);
    measurements.set(slo.ref, {
      ref: slo.ref,
      entityRef: slo.definition.entityRef,
      sloId: slo.definition.id,
      instance: slo.instance,
      evaluatedAt,
      windows: {},
      warnings: [],
      errors: [],
    });
  }
  for (const { ref, problem } of input.plan.rejected) {
    const definition = definitions.get(ref)!;
    const field = sloFieldPath(definition, problem.field);
    measurements.get(ref)!.errors.push({
      message: `${describeSlo(definition)}: ${
        problem.message
      } (field ${field})${problem.fix ? `. ${problem.fix}` : ''}`,
      field,
    });
  }

  for (const outcome of input.outcomes) {
    const { query } = outcome;
    for (const member of query.members) {
      const measurement = measurements.get(member.ref)!;
      const definition = definitions.get(member.ref)!;
      if (!outcome.ok) {
        measurement.errors.push(failure(definition, query, outcome.error));
        continue;
      }
      const warnings =
        outcome.instant?.warnings ?? outcome.range?.warnings ?? [];
      for (const warning of warnings) {
        const text = `Prometheus warning on the ${describeQuery(
          query,
        )}: ${warning}`;
        if (!measurement.warnings.includes(text)) {
          measurement.warnings.push(text);
        }
      }
      if (query.kind === 'instant') {
        applyInstant(
          measurement,
          definition,
          query,
          member as PlannedInstantQuery['members'][number],
          outcome,
        );
      } else if (query.values === 'counts') {
        applyBurnDown(
          measurement,
          definition,
          query,
          member,
          outcome,
          atSeconds,
        );
      } else {
        applyThreshold(measurement, definition, query, outcome, atSeconds);
      }
    }
  }
  return measurements;
}

function numeratorOf(definition: SloDefinition) {
  return definition.indicator.kind === 'ratio-good' ? 'good' : 'bad';
}

function applyInstant(
  measurement: SloMeasurement,
  definition: SloDefinition,
  query: PlannedInstantQuery,
  member: PlannedInstantQuery['members'][number],
  outcome: Extract<QueryOutcome, { ok: true }>,
): void {
  const index = sampleIndexOf(query, outcome);
  const { counts, warning } = toEventCounts(
    index.get(groupKey(query.groupingLabels, member.groupValues)),
    numeratorOf(definition),
  );
  if (warning) {
    measurement.warnings.push(`${describeQuery(query)}: ${warning}`);
  }
  for (const purpose of member.purposes) {
    if (purpose === 'period') {
      measurement.period = counts;
    } else {
      measurement.windows[purpose] = counts;
    }
  }
}

function applyBurnDown(
  measurement: SloMeasurement,
  definition: SloDefinition,
  query: PlannedRangeQuery,
  member: PlannedMember,
  outcome: Extract<QueryOutcome, { ok: true }>,
  atSeconds: number,
): void {
  const index = seriesIndexOf(query, outcome);
  const pair = index.get(groupKey(query.groupingLabels, member.groupValues));
  const totals = pointsByTime(pair?.total);
  const numerators = pointsByTime(pair?.numerator);
  const numerator = numeratorOf(definition);
  let unusable = 0;
  const times = bucketTimes(query, atSeconds);
  const coverage = coverageWarning(
    query,
    times,
    times.findIndex(seconds => totals.has(Math.round(seconds * 1000))),
  );
  if (coverage) {
    measurement.warnings.push(coverage);
  }
  const buckets = times.map((seconds): BurnDownBucket => {
    const key = Math.round(seconds * 1000);
    const total = totals.get(key);
    const value = numerators.has(key) ? numerators.get(key)! : 0;
    const timestamp = iso(seconds);
    if (
      total === undefined ||
      total === null ||
      value === null ||
      !Number.isFinite(total) ||
      !Number.isFinite(value)
    ) {
      if (total !== undefined) {
        unusable += 1;
      }
      return { timestamp, good: 0, total: 0 };
    }
    return numerator === 'bad'
      ? { timestamp, good: total - value, total }
      : { timestamp, good: value, total };
  });
  if (unusable > 0) {
    measurement.warnings.push(
      `${describeQuery(
        query,
      )}: ${unusable} step(s) had NaN or infinite counts and count as no traffic`,
    );
  }
  measurement.burnDown = {
    windowStart: iso(atSeconds - query.rangeSeconds),
    stepSeconds: query.stepSeconds,
    buckets,
  };
}

function applyThreshold(
  measurement: SloMeasurement,
  definition: SloDefinition,
  query: PlannedRangeQuery,
  outcome: Extract<QueryOutcome, { ok: true }>,
  atSeconds: number,
): void {
  const series: PrometheusSeries[] = outcome.range!.series;
  if (series.length > 1) {
    measurement.errors.push({
      message: `${describeSlo(definition)}: the threshold query returned ${
        series.length
      } series; it must return one value per instant (aggregate it, e.g. with histogram_quantile over sum by (le))`,
      field: 'thresholdMetric.metricSource.spec.query',
      query: query.promql,
      instance: query.instance,
    });
    return;
  }
  const values = pointsByTime(series[0]?.points);
  const { thresholdOp, thresholdValue } = definition;
  const times = bucketTimes(query, atSeconds);
  const coverage = coverageWarning(
    query,
    times,
    times.findIndex(seconds => values.has(Math.round(seconds * 1000))),
  );
  if (coverage) {
    measurement.warnings.push(coverage);
  }
  measurement.threshold = {
    stepSeconds: query.stepSeconds,
    points: times.map(seconds => {
      const value = values.get(Math.round(seconds * 1000)) ?? null;
      const good =
        value === null ||
        thresholdOp === undefined ||
        thresholdValue === undefined
          ? null
          : compareWithThreshold(value, thresholdOp, thresholdValue);
      return {
        timestamp: iso(seconds),
        value: value !== null && Number.isFinite(value) ? value : null,
        good,
      };
    }),
  };
}
