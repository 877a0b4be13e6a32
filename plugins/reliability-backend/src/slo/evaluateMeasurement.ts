import {
  burnRateWindowsForPeriod,
  computeBurnDownSeries,
  downsampleBurnDown,
  evaluateSloBudget,
  type BurnDownBucket,
  type BurnDownPoint,
  type BurnRateWindowId,
  type SloDefinition,
  type SloEventCounts,
} from '@preflight/plugin-reliability-common';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import type { SloStatusUpdate } from './SloStore';

interface Slice {
  /** ISO-8601 end of the slice. */
  timestamp: string;
  good: boolean | null;
}

// Threshold SLIs and Timeslices budgeting are judged slice by slice: a slice
// with data is one event, good when it met its objective.
function sliceCounts(
  points: readonly Slice[],
  fromMs: number,
): SloEventCounts | null {
  let good = 0;
  let total = 0;
  for (const point of points) {
    if (point.good === null || Date.parse(point.timestamp) <= fromMs) {
      continue;
    }
    total += 1;
    good += point.good ? 1 : 0;
  }
  return total > 0 ? { good, total } : null;
}

function sliceInputs(
  measurement: SloMeasurement,
  definition: SloDefinition,
  stepSeconds: number,
  points: readonly Slice[],
): {
  period: SloEventCounts | null;
  windows: Partial<Record<BurnRateWindowId, SloEventCounts | null>>;
  burnDown?: SloMeasurement['burnDown'];
} {
  const nowMs = Date.parse(measurement.evaluatedAt);
  const windows: Partial<Record<BurnRateWindowId, SloEventCounts | null>> = {};
  for (const { id, seconds } of burnRateWindowsForPeriod(
    definition.windowSeconds,
  )) {
    // A window shorter than a slice cannot be judged from slices.
    windows[id] =
      seconds < stepSeconds
        ? null
        : sliceCounts(points, nowMs - seconds * 1000);
  }
  const buckets: BurnDownBucket[] = points.map(point => ({
    timestamp: point.timestamp,
    good: point.good ? 1 : 0,
    total: point.good === null ? 0 : 1,
  }));
  return {
    period: sliceCounts(points, nowMs - definition.windowSeconds * 1000),
    windows,
    burnDown: {
      windowStart: new Date(
        nowMs - definition.windowSeconds * 1000,
      ).toISOString(),
      stepSeconds,
      buckets,
    },
  };
}

// Timeslices on a ratio SLI: each burn-down bucket is one slice (the
// source sizes buckets to the slice), good when its ratio met the target.
function ratioSlices(
  buckets: readonly BurnDownBucket[],
  sliceTarget: number,
): Slice[] {
  return buckets.map(bucket => ({
    timestamp: bucket.timestamp,
    good: bucket.total > 0 ? bucket.good / bucket.total >= sliceTarget : null,
  }));
}

function inputsOf(definition: SloDefinition, measurement: SloMeasurement) {
  if (definition.indicator.kind === 'threshold' && measurement.threshold) {
    const { stepSeconds, points } = measurement.threshold;
    return sliceInputs(measurement, definition, stepSeconds, points);
  }
  if (
    definition.budgetingMethod === 'Timeslices' &&
    definition.timeSliceTarget !== undefined &&
    measurement.burnDown
  ) {
    const { stepSeconds, buckets } = measurement.burnDown;
    return sliceInputs(
      measurement,
      definition,
      stepSeconds,
      ratioSlices(buckets, definition.timeSliceTarget),
    );
  }
  return {
    period: measurement.period ?? null,
    windows: measurement.windows,
    burnDown: measurement.burnDown,
  };
}

/**
 * The burn-down with its last point showing the headline figures. The
 * buckets and the headline come from separate reads of the source (a range
 * query and an instant query), and even from the same events the running
 * sums differ in the last digits; the last point is "now", and the card must
 * not show two different numbers for it.
 */
function endAtHeadline(
  points: BurnDownPoint[],
  evaluation: ReturnType<typeof evaluateSloBudget>,
): BurnDownPoint[] {
  const last = points[points.length - 1];
  if (!last || evaluation.budgetRemaining === null) {
    return points;
  }
  return [
    ...points.slice(0, -1),
    {
      ...last,
      attainment: evaluation.attainment,
      budgetRemaining: evaluation.budgetRemaining,
      eventBudgetRemaining: evaluation.budgetRemaining,
    },
  ];
}

/**
 * Turns a source's observation of one SLO into its status: attainment,
 * budget, burn rates and alert state with -common's pure functions, so every
 * source is judged the same way. A measurement with any error yields state
 * `error` and no evaluation, so the store keeps the last good one rather
 * than a partial one (a failed window would read as "no traffic").
 * @public
 */
export function evaluateMeasurement(
  definition: SloDefinition,
  measurement: SloMeasurement | undefined,
): SloStatusUpdate {
  const base = { entityRef: definition.entityRef, sloId: definition.id };
  if (!measurement) {
    return {
      ...base,
      state: 'error',
      errors: [
        `${definition.entityRef}: SLO "${definition.id}": the source returned no measurement for it`,
      ],
      warnings: [],
    };
  }
  const warnings = [...measurement.warnings];
  if (measurement.errors.length > 0) {
    return {
      ...base,
      state: 'error',
      // The card shows strings: keep the field the error is about in it.
      errors: measurement.errors.map(error =>
        error.field && !error.message.includes(error.field)
          ? `${error.message} (field ${error.field})`
          : error.message,
      ),
      warnings,
    };
  }
  const inputs = inputsOf(definition, measurement);
  const evaluation = evaluateSloBudget({
    objective: definition.target,
    periodSeconds: definition.windowSeconds,
    period: inputs.period,
    windows: inputs.windows,
  });
  let burnDown: BurnDownPoint[] = [];
  if (inputs.burnDown) {
    // Stored (and served) at a card's resolution: the source's buckets
    // (720 for 30 days at one hour) would make every answer ~200 kB.
    burnDown = endAtHeadline(
      downsampleBurnDown(
        computeBurnDownSeries({
          objective: definition.target,
          periodSeconds: definition.windowSeconds,
          windowStart: inputs.burnDown.windowStart,
          buckets: inputs.burnDown.buckets,
        }),
      ),
      evaluation,
    );
  }
  return {
    ...base,
    state: evaluation.attainment === null ? 'no-data' : 'ok',
    evaluation,
    burnDown,
    errors: [],
    warnings,
  };
}
