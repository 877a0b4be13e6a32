import type {
  SloProblem,
  ThresholdOperator,
} from '@preflight/plugin-reliability-common';

/**
 * What an SLO measures, as PromQL. With `counter: true` each query selects
 * monotonically increasing counters (e.g. `http_requests_total{…}`) whose
 * increase over a window gives event counts.
 * @public
 */
export type SloIndicator =
  | {
      /** good / total */
      kind: 'ratio-good';
      counter: boolean;
      goodQuery: string;
      totalQuery: string;
    }
  | {
      /** 1 − bad / total */
      kind: 'ratio-bad';
      counter: boolean;
      badQuery: string;
      totalQuery: string;
    }
  | {
      /** A value (e.g. a latency quantile) compared with the objective's op/value. */
      kind: 'threshold';
      query: string;
    };

/**
 * OpenSLO budgeting method: `Occurrences` counts events, `Timeslices` counts
 * slices that met `timeSliceTarget`, `RatioTimeslices` averages the slices'
 * good/total ratios.
 * @public
 */
export type SloBudgetingMethod =
  | 'Occurrences'
  | 'Timeslices'
  | 'RatioTimeslices';

/**
 * An OpenSLO `AlertPolicy` of an SLO, resolved: its one burn-rate condition
 * and where it notifies. Exported Prometheus alerts follow it instead of
 * Preflight's default multi-window policy.
 * @public
 */
export interface SloAlertPolicy {
  /** The policy's `metadata.name`. */
  name: string;
  displayName?: string;
  /** The condition's `metadata.name`. */
  conditionName: string;
  /** As written, e.g. `page`; the alert's `severity` label. */
  severity: string;
  /** The alert fires when the burn rate is above (`gt`) or at least (`gte`, the default) `threshold`. */
  op: 'gt' | 'gte';
  /** Burn rate, e.g. 14.4: the budget spent 14.4 times as fast as the window allows. */
  threshold: number;
  /** Window the burn rate is measured over, as written (`1h`) and in seconds. */
  lookbackWindow: string;
  lookbackWindowSeconds: number;
  /** How long the condition must hold before the alert fires (`for:`), in seconds; 0 fires at once. */
  alertAfterSeconds: number;
  /** `alertWhenNoData`: the alert also fires while the SLI has no data. */
  alertWhenNoData: boolean;
  /** `AlertNotificationTarget`s as `<name>: <target>`, e.g. `oncall-slack: slack`. */
  notificationTargets: string[];
}

/**
 * One SLO objective, normalized from OpenSLO v1 and ready to evaluate. An
 * OpenSLO `SLO` with several objectives yields one definition per objective.
 * @public
 */
export interface SloDefinition {
  /**
   * Unique within the entity: the SLO's `metadata.name`, or
   * `<name>#<objective index>` when the SLO has several objectives.
   */
  id: string;
  /** The SLO's `metadata.name`. */
  name: string;
  /** For people: `metadata.displayName` (or the name), plus the objective's name when there are several. */
  displayName: string;
  description?: string;
  /** `spec.service` as written. */
  service: string;
  /** The entity that declared the SLO, e.g. `component:default/checkout-api`. */
  entityRef: string;
  /** The file it was read from, as given to the parser. */
  file: string;
  /** Name of the SLI (inline `indicator.metadata.name` or `indicatorRef`). */
  indicatorName: string;
  /**
   * Where the indicator's spec is written, as a field path prefix:
   * `spec.indicator.spec` inline, `SLI "<name>" spec` for an `indicatorRef`.
   * Problems found in its queries later (e.g. by a metrics source) are
   * reported at `<indicatorPath>.<field>`.
   */
  indicatorPath?: string;
  indicator: SloIndicator;
  /** Named Prometheus instance (`metricSourceRef`); absent means the default instance. */
  prometheusInstance?: string;
  /** The window as written, e.g. `28d`. */
  window: string;
  windowSeconds: number;
  /** `true` for a rolling window; `false` for a calendar-aligned one (see `calendar`). */
  rolling: boolean;
  /** Start and time zone of a calendar-aligned window, as written. */
  calendar?: { startTime: string; timeZone: string };
  budgetingMethod: SloBudgetingMethod;
  /** 0-based position in `spec.objectives`. */
  objectiveIndex: number;
  objectiveDisplayName?: string;
  /** Objective as a fraction in (0, 1); `targetPercent` is converted. */
  target: number;
  /** Threshold indicators only: a value is good when `value op thresholdValue`. */
  thresholdOp?: ThresholdOperator;
  thresholdValue?: number;
  /** Timeslices only: a slice is good when its ratio ≥ this. */
  timeSliceTarget?: number;
  /** Timeslices and RatioTimeslices: length of a slice. */
  timeSliceWindowSeconds?: number;
  /**
   * The SLO's `alertPolicies`, resolved; absent when it names none (the
   * default burn-rate policy applies).
   */
  alertPolicies?: SloAlertPolicy[];
}

/** Outcome of reading OpenSLO documents: what parsed, and what did not. @public */
export interface SloParseResult {
  definitions: SloDefinition[];
  problems: SloProblem[];
}
