import {
  type BurnDownBucket,
  compareWithThreshold,
} from '@preflight/plugin-reliability-common';
import { type SloDefinition } from '@preflight/plugin-reliability-node';
import { isPrometheusQueryError } from '../client/PrometheusQueryError';
import type { PrometheusSeries } from '../client/PrometheusResult';
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
import { bucketRangePoints } from './bucketRangePoints';
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

/** The warning for range points that fit no bucket (they are left out). */
function unmatchedWarning(
  query: PlannedRangeQuery,
  unmatched: number,
): string | undefined {
  return unmatched > 0
    ? `${describeQuery(query)}: ${unmatched} point(s) of the answer fit no ${
        query.stepSeconds
      }s step ending at or before the evaluation time and were left out; the engine answered at other instants than asked`
    : undefined;
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
  const numerator = numeratorOf(definition);
  let unusable = 0;
  const times = bucketTimes(query, atSeconds);
  const totals = bucketRangePoints(pair?.total, times, query.stepSeconds);
  const numerators = bucketRangePoints(
    pair?.numerator,
    times,
    query.stepSeconds,
  );
  const unmatched = unmatchedWarning(
    query,
    totals.unmatched + numerators.unmatched,
  );
  if (unmatched) {
    measurement.warnings.push(unmatched);
  }
  const coverage = coverageWarning(
    query,
    times,
    totals.values.findIndex(value => value !== undefined),
  );
  if (coverage) {
    measurement.warnings.push(coverage);
  }
  const buckets = times.map((seconds, k): BurnDownBucket => {
    const total = totals.values[k];
    const value = numerators.values[k] === undefined ? 0 : numerators.values[k];
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
  const { thresholdOp, thresholdValue } = definition;
  const times = bucketTimes(query, atSeconds);
  const values = bucketRangePoints(series[0]?.points, times, query.stepSeconds);
  const unmatched = unmatchedWarning(query, values.unmatched);
  if (unmatched) {
    measurement.warnings.push(unmatched);
  }
  const coverage = coverageWarning(
    query,
    times,
    values.values.findIndex(value => value !== undefined),
  );
  if (coverage) {
    measurement.warnings.push(coverage);
  }
  measurement.threshold = {
    stepSeconds: query.stepSeconds,
    points: times.map((seconds, k) => {
      const value = values.values[k] ?? null;
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
