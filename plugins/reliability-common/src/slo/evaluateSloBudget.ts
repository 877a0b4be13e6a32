import {
  BurnRateWindowId,
  burnRateWindowSeconds,
  burnRateWindowsForPeriod,
} from './burnRateWindows';
import {
  BurnRateAlertEvaluation,
  evaluateBurnRateAlerts,
} from './burnRateAlertPolicy';
import {
  computeBudgetConsumed,
  computeBudgetRemaining,
  computeBurnRate,
  computeErrorBudget,
  computeTimeToExhaustion,
} from './errorBudget';
import {
  SloEventCounts,
  computeAttainment,
  computeErrorRatio,
} from './sloEventCounts';

/** Burn measured over one window. @public */
export interface SloWindowBurn {
  /** The window's name in the Workbook's 30-day table. */
  window: BurnRateWindowId;
  /** Its length for this SLO's period (see `burnRateWindowsForPeriod`). */
  seconds: number;
  /** `null` when the window had no traffic. */
  errorRatio: number | null;
  burnRate: number | null;
  /** Share of the period's budget this window consumed. */
  budgetConsumed: number | null;
}

/** Input of {@link evaluateSloBudget}. @public */
export interface EvaluateSloBudgetInput {
  /** Objective as a fraction, e.g. 0.999. */
  objective: number;
  /** Length of the SLO window (its period), e.g. 2592000 for 30d. */
  periodSeconds: number;
  /** Events over the whole SLO window; `null` when unknown. */
  period: SloEventCounts | null;
  /**
   * Events per burn-rate window, measured over the window's length for this
   * period (see `burnRateWindowsForPeriod`); `null` or absent means no data
   * in the window at all.
   */
  windows: Partial<Record<BurnRateWindowId, SloEventCounts | null>>;
  /** Window whose burn rate time-to-exhaustion extrapolates; defaults to `1h`. */
  currentBurnRateWindow?: BurnRateWindowId;
}

/** Everything an SLO widget shows about one SLO's budget. @public */
export interface SloBudgetEvaluation {
  objective: number;
  /** 1 − objective. */
  errorBudget: number;
  periodSeconds: number;
  /** Over the period; `null` with no traffic ("no data"). */
  attainment: number | null;
  errorRatio: number | null;
  /** 1 − errorRatio / errorBudget; negative when overspent; `null` with no traffic. */
  budgetRemaining: number | null;
  /** Every burn-rate window, shortest first. */
  burnRates: SloWindowBurn[];
  alerts: BurnRateAlertEvaluation;
  currentBurnRateWindow: BurnRateWindowId;
  /** See {@link computeTimeToExhaustion}. */
  timeToExhaustionSeconds: number | null;
}

/**
 * Evaluates one SLO from event counts: attainment and budget over the period,
 * burn rate per window, alert state and time to exhaustion. Pure; every
 * "no traffic" case is `null`, never `NaN`.
 * @public
 */
export function evaluateSloBudget(
  input: EvaluateSloBudgetInput,
): SloBudgetEvaluation {
  const { objective, periodSeconds } = input;
  const errorBudget = computeErrorBudget(objective);
  const errorRatio = computeErrorRatio(input.period);
  const budgetRemaining = computeBudgetRemaining(errorRatio, objective);

  const burnRates = burnRateWindowsForPeriod(periodSeconds).map(
    ({ id, seconds }) => {
      const windowErrorRatio = computeErrorRatio(input.windows[id]);
      const burnRate = computeBurnRate(windowErrorRatio, objective);
      return {
        window: id,
        seconds,
        errorRatio: windowErrorRatio,
        burnRate,
        budgetConsumed: computeBudgetConsumed(burnRate, seconds, periodSeconds),
      };
    },
  );
  const burnRateByWindow = Object.fromEntries(
    burnRates.map(burn => [burn.window, burn.burnRate]),
  ) as Record<BurnRateWindowId, number | null>;

  const currentBurnRateWindow = input.currentBurnRateWindow ?? '1h';
  // Validates the id even though the lookup below would just miss.
  burnRateWindowSeconds(currentBurnRateWindow, periodSeconds);

  return {
    objective,
    errorBudget,
    periodSeconds,
    attainment: computeAttainment(input.period),
    errorRatio,
    budgetRemaining,
    burnRates,
    alerts: evaluateBurnRateAlerts({
      periodSeconds,
      burnRates: burnRateByWindow,
      missingWindows: burnRates
        .map(burn => burn.window)
        .filter(id => (input.windows[id] ?? null) === null),
    }),
    currentBurnRateWindow,
    timeToExhaustionSeconds: computeTimeToExhaustion({
      budgetRemaining,
      burnRate: burnRateByWindow[currentBurnRateWindow],
      periodSeconds,
    }),
  };
}
