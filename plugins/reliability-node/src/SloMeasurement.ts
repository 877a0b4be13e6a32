import type {
  BurnDownBucket,
  BurnRateWindowId,
  SloEventCounts,
} from '@preflight/plugin-reliability-common';

/** A problem measuring one SLO, e.g. a query Prometheus rejected. @public */
export interface SloMeasurementError {
  /** Names the SLO, its entity, the instance and what failed. */
  message: string;
  /** The field of the OpenSLO document at fault, when it is the document's fault. */
  field?: string;
  /** The PromQL that failed, as sent. */
  query?: string;
  instance?: string;
  /** Prometheus `errorType` or the client's (see `PrometheusErrorType`). */
  errorType?: string;
}

/** One slice of a threshold SLI: the value, and whether it met the objective. @public */
export interface ThresholdPoint {
  /** ISO-8601 end of the slice. */
  timestamp: string;
  /** `null` for no data or a non-finite value (+Inf still sets `good`). */
  value: number | null;
  /** `value op threshold`; `null` without a value. */
  good: boolean | null;
}

/**
 * What Prometheus said about one SLO at one instant. Feed `period` and
 * `windows` to `evaluateSloBudget` and `burnDown` to
 * `computeBurnDownSeries` (both in -common).
 *
 * A count is `null` when there were no series (no data); a field is absent
 * when its query failed, and `errors` says why. Counts of bad/total SLIs are
 * converted to good/total.
 * @public
 */
export interface SloMeasurement {
  /** `<entityRef>/<sloId>`, see `sloRefOf`. */
  ref: string;
  entityRef: string;
  sloId: string;
  /** The instance measured; absent when none could be resolved. */
  instance?: string;
  /** ISO-8601 evaluation instant of every query. */
  evaluatedAt: string;
  /** Events over the SLO window. */
  period?: SloEventCounts | null;
  /** Events per burn-rate window (windows whose query failed are absent). */
  windows: Partial<Record<BurnRateWindowId, SloEventCounts | null>>;
  /** Events per step over the SLO window, for the burn-down chart (ratio SLIs). */
  burnDown?: {
    /** ISO-8601 start of the window. */
    windowStart: string;
    stepSeconds: number;
    buckets: BurnDownBucket[];
  };
  /** Values per slice over the SLO window (threshold SLIs). */
  threshold?: { stepSeconds: number; points: ThresholdPoint[] };
  /** Not errors, but worth showing: Prometheus warnings, odd data. */
  warnings: string[];
  errors: SloMeasurementError[];
}
