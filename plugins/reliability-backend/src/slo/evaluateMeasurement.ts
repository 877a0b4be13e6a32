import {
  type BurnDownBucket,
  type BurnDownPoint,
  type BurnRateWindowId,
  burnRateWindowsForPeriod,
  computeBurnDownSeries,
  downsampleBurnDown,
  evaluateSloBudget,
  type SloEventCounts,
} from '@preflight/plugin-reliability-common';
import {
  currentSloWindow,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import type { SloMeasurement } from '@preflight/plugin-reliability-node';
import type { SloStatusUpdate } from './SloStore';

interface Slice {
  /** ISO-8601 end of the slice. */
  timestamp: string;
  /**
   * How good the slice was, in [0, 1]: 1 or 0 when it met its objective or
   * not, its good/total ratio under RatioTimeslices; `null` without data.
   */
  good: number | null;
}

// Threshold SLIs and (Ratio)Timeslices budgeting are judged slice by slice:
// a slice with data is one event, worth its score in good events.
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
    good += point.good;
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
    good: point.good ?? 0,
    total: point.good === null ? 0 : 1,
  }));
  // A calendar window counts the slices since it started.
  const { start } = currentSloWindow(definition, new Date(nowMs));
  return {
    period: sliceCounts(points, start.getTime()),
    windows,
    burnDown: {
      windowStart: start.toISOString(),
      stepSeconds,
      buckets,
    },
  };
}

// (Ratio)Timeslices on a ratio SLI: each burn-down bucket is one slice (the
// source sizes buckets to the slice). Timeslices scores a slice 1 when its
// ratio met the target; RatioTimeslices scores it its ratio, so attainment
// is the average of the slices' ratios.
function ratioSlices(
  buckets: readonly BurnDownBucket[],
  sliceTarget: number | undefined,
): Slice[] {
  return buckets.map(bucket => {
    if (bucket.total <= 0) {
      return { timestamp: bucket.timestamp, good: null };
    }
    const ratio = bucket.good / bucket.total;
    return {
      timestamp: bucket.timestamp,
      good: sliceTarget === undefined ? ratio : Number(ratio >= sliceTarget),
    };
  });
}

/**
 * What a measurement is judged from: event counts over the SLO window and
 * the burn-rate windows, and the window's buckets (slices become buckets of
 * one event). The daily SLO history reads the same inputs.
 */
export function evaluationInputs(
  definition: SloDefinition,
  measurement: SloMeasurement,
) {
  if (definition.indicator.kind === 'threshold' && measurement.threshold) {
    const { stepSeconds, points } = measurement.threshold;
    return sliceInputs(
      measurement,
      definition,
      stepSeconds,
      points.map(point => ({
        timestamp: point.timestamp,
        good: point.good === null ? null : Number(point.good),
      })),
    );
  }
  const sliced =
    (definition.budgetingMethod === 'Timeslices' &&
      definition.timeSliceTarget !== undefined) ||
    definition.budgetingMethod === 'RatioTimeslices';
  if (sliced && measurement.burnDown) {
    const { stepSeconds, buckets } = measurement.burnDown;
    return sliceInputs(
      measurement,
      definition,
      stepSeconds,
      ratioSlices(
        buckets,
        definition.budgetingMethod === 'Timeslices'
          ? definition.timeSliceTarget
          : undefined,
      ),
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
  const inputs = evaluationInputs(definition, measurement);
  const evaluation = evaluateSloBudget({
    objective: definition.target,
    periodSeconds: definition.windowSeconds,
    period: inputs.period,
    windows: inputs.windows,
  });
  let burnDown: BurnDownPoint[] = [];
  if (inputs.burnDown) {
    // The ideal line of a calendar window runs to the window's reset.
    const window = currentSloWindow(
      definition,
      new Date(measurement.evaluatedAt),
    );
    // Stored (and served) at a card's resolution: the source's buckets
    // (720 for 30 days at one hour) would make every answer ~200 kB.
    burnDown = endAtHeadline(
      downsampleBurnDown(
        computeBurnDownSeries({
          objective: definition.target,
          periodSeconds: definition.rolling
            ? definition.windowSeconds
            : (window.end.getTime() - window.start.getTime()) / 1000,
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
