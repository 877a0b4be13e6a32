/**
 * Timeslices budgeting (OpenSLO `budgetingMethod: Timeslices`): the window is
 * cut into slices of `timeSliceWindow`; a slice is good when its SLI meets the
 * slice target, and attainment is the share of good slices. One bad minute
 * then costs the same whether it had ten requests or ten thousand.
 */

/** Comparison operator of an OpenSLO threshold objective. @public */
export type ThresholdOperator = 'lt' | 'lte' | 'gt' | 'gte';

/**
 * Whether `value op threshold` holds, e.g. `compareWithThreshold(0.25, 'lte', 0.3)`.
 * @public
 */
export function compareWithThreshold(
  value: number,
  op: ThresholdOperator,
  threshold: number,
): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    case 'gte':
      return value >= threshold;
    default:
      throw new RangeError(`unknown threshold operator "${op}"`);
  }
}

/** Slice counts and the attainment they give. @public */
export interface TimesliceAttainment {
  goodSlices: number;
  badSlices: number;
  /** Slices without a usable value; they count neither as good nor as bad. */
  noDataSlices: number;
  /** goodSlices + badSlices. */
  totalSlices: number;
  /** goodSlices / totalSlices; `null` when no slice had data. */
  attainment: number | null;
}

function countSlices(
  values: ReadonlyArray<number | null>,
  isGood: (value: number) => boolean,
): TimesliceAttainment {
  let goodSlices = 0;
  let badSlices = 0;
  let noDataSlices = 0;
  for (const value of values) {
    if (value === null || !Number.isFinite(value)) {
      noDataSlices += 1;
    } else if (isGood(value)) {
      goodSlices += 1;
    } else {
      badSlices += 1;
    }
  }
  const totalSlices = goodSlices + badSlices;
  return {
    goodSlices,
    badSlices,
    noDataSlices,
    totalSlices,
    attainment: totalSlices > 0 ? goodSlices / totalSlices : null,
  };
}

/** Input of {@link computeTimesliceAttainment}. @public */
export interface TimesliceAttainmentInput {
  /** good/total of each slice; `null` (or NaN) for a slice without traffic. */
  sliceRatios: ReadonlyArray<number | null>;
  /** A slice is good when its ratio is at least this, e.g. 0.95. */
  timeSliceTarget: number;
}

/**
 * Attainment of a ratio SLI under Timeslices budgeting = good slices / slices
 * with data, where a slice is good when its ratio ≥ `timeSliceTarget`.
 * @public
 */
export function computeTimesliceAttainment(
  input: TimesliceAttainmentInput,
): TimesliceAttainment {
  const { timeSliceTarget } = input;
  if (
    !Number.isFinite(timeSliceTarget) ||
    timeSliceTarget <= 0 ||
    timeSliceTarget > 1
  ) {
    throw new RangeError(
      `timeSliceTarget must be in (0, 1], got ${timeSliceTarget}`,
    );
  }
  return countSlices(input.sliceRatios, ratio => ratio >= timeSliceTarget);
}

/** Input of {@link computeThresholdTimesliceAttainment}. @public */
export interface ThresholdTimesliceAttainmentInput {
  /** The threshold metric's value per slice (e.g. p99 latency); `null` for no data. */
  sliceValues: ReadonlyArray<number | null>;
  op: ThresholdOperator;
  value: number;
}

/**
 * Attainment of a threshold SLI under Timeslices budgeting = good slices /
 * slices with data, where a slice is good when `sliceValue op value` holds.
 * @public
 */
export function computeThresholdTimesliceAttainment(
  input: ThresholdTimesliceAttainmentInput,
): TimesliceAttainment {
  return countSlices(input.sliceValues, sliceValue =>
    compareWithThreshold(sliceValue, input.op, input.value),
  );
}
