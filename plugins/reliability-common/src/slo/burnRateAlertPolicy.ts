/**
 * Multi-window, multi-burn-rate alerting (Google SRE Workbook, "Alerting on
 * SLOs", recommendation 6): each row fires when the burn rate over both its
 * long and its short window reaches the row's threshold. The long window
 * makes the alert significant; the short one makes it stop soon after the
 * problem does.
 */
import {
  BURN_RATE_REFERENCE_PERIOD_SECONDS,
  BurnRateWindowId,
  burnRateWindowSeconds,
} from './burnRateWindows';

/** How loudly a firing burn-rate alert notifies. @public */
export type BurnRateAlertSeverity = 'page' | 'ticket';

/** One row of the Workbook table, independent of the SLO period. @public */
export interface BurnRateAlertRow {
  severity: BurnRateAlertSeverity;
  longWindow: BurnRateWindowId;
  shortWindow: BurnRateWindowId;
  /**
   * Share of the period's budget the long window must consume to fire,
   * e.g. 0.02 (exact for a 30-day period; windows scaled to other periods
   * are rounded to the minute, which moves it slightly).
   */
  budgetConsumed: number;
}

/**
 * The Workbook's recommended rows, most urgent first.
 * @public
 */
export const BURN_RATE_ALERT_ROWS: readonly BurnRateAlertRow[] = Object.freeze([
  {
    severity: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    budgetConsumed: 0.02,
  },
  {
    severity: 'page',
    longWindow: '6h',
    shortWindow: '30m',
    budgetConsumed: 0.05,
  },
  {
    severity: 'ticket',
    longWindow: '1d',
    shortWindow: '2h',
    budgetConsumed: 0.1,
  },
  {
    severity: 'ticket',
    longWindow: '3d',
    shortWindow: '6h',
    budgetConsumed: 0.1,
  },
] as const);

/**
 * A row for a given SLO period. `longWindow` and `shortWindow` name the
 * Workbook's 30-day windows; the seconds are the lengths for this period.
 * @public
 */
export interface BurnRateAlertRule extends BurnRateAlertRow {
  longWindowSeconds: number;
  shortWindowSeconds: number;
  /** Burn rate both windows must reach: the Workbook's factor, 14.4, 6, 3 or 1 for every period. */
  threshold: number;
}

// Thresholds are configuration-like numbers (14.4, 5.6); 12 significant
// digits removes binary noise such as 6.000000000000001 without changing them.
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * The alert rules for an SLO period: the Workbook's rows with their windows
 * scaled to the period (see `burnRateWindowsForPeriod`) and their factors
 * kept, threshold = budgetConsumed × 30d / longWindow(30d): 14.4, 6, 3, 1.
 * A 30-day period gets exactly the Workbook's table; a 7-day one pages on
 * 14.4 over 14m and 5m. No row fires while its windows burn below 1.
 * @public
 */
export function deriveBurnRateAlertPolicy(
  periodSeconds: number,
): BurnRateAlertRule[] {
  if (!Number.isFinite(periodSeconds) || periodSeconds <= 0) {
    throw new RangeError(`SLO period must be positive, got ${periodSeconds}s`);
  }
  return BURN_RATE_ALERT_ROWS.flatMap(row => {
    const longWindowSeconds = burnRateWindowSeconds(
      row.longWindow,
      periodSeconds,
    );
    if (longWindowSeconds > periodSeconds) {
      // Only when the 5-minute floor makes a window outlast a tiny period.
      return [];
    }
    return [
      {
        ...row,
        longWindowSeconds,
        shortWindowSeconds: burnRateWindowSeconds(
          row.shortWindow,
          periodSeconds,
        ),
        threshold: tidy(
          (row.budgetConsumed * BURN_RATE_REFERENCE_PERIOD_SECONDS) /
            burnRateWindowSeconds(row.longWindow),
        ),
      },
    ];
  });
}

/** Overall alert state of an SLO: the most severe firing row. @public */
export type SloAlertState = 'page' | 'ticket' | 'unknown' | 'ok' | 'no-data';

/** A rule with the burn rates it was evaluated against. @public */
export interface BurnRateAlertResult extends BurnRateAlertRule {
  longBurnRate: number | null;
  shortBurnRate: number | null;
  /** Both windows had traffic, so the rule could be evaluated. */
  hasData: boolean;
  /** Both burn rates reached the threshold. */
  firing: boolean;
  /**
   * The long window reaches the threshold but the short window has no data
   * at all (its metrics stopped): whether the alert should fire cannot be
   * told, which is not the same as "ok".
   */
  unknown: boolean;
}

/** Outcome of {@link evaluateBurnRateAlerts}. @public */
export interface BurnRateAlertEvaluation {
  /**
   * `page` or `ticket` when a row of that severity fires (page wins);
   * `unknown` when none fires but a row's long window burns over its
   * threshold while its short window has no data; `no-data` when no row had
   * traffic in both of its windows; else `ok`.
   */
  state: SloAlertState;
  /** Every rule of the policy, in table order. */
  rules: BurnRateAlertResult[];
  /** The firing rules, in table order. */
  firing: BurnRateAlertResult[];
  /** The rules whose state is unknown (see {@link BurnRateAlertResult.unknown}), in table order. */
  unknown: BurnRateAlertResult[];
}

/** Input of {@link evaluateBurnRateAlerts}. @public */
export interface EvaluateBurnRateAlertsInput {
  periodSeconds: number;
  /** Burn rate per window; `null` or absent means no traffic in that window. */
  burnRates: Partial<Record<BurnRateWindowId, number | null>>;
  /**
   * Windows without any data (no series at all, e.g. the service stopped
   * reporting), as opposed to windows with zero traffic.
   */
  missingWindows?: readonly BurnRateWindowId[];
}

// A burn rate that equals its threshold up to binary rounding (0.0144 / 0.001
// is 14.399999999999999) must count as reaching it.
const RELATIVE_TOLERANCE = 1e-9;

function reaches(burnRate: number, threshold: number): boolean {
  return burnRate >= threshold * (1 - RELATIVE_TOLERANCE);
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value)
    ? null
    : value;
}

/**
 * Evaluates the multi-window, multi-burn-rate policy of an SLO period
 * against measured burn rates. A window without traffic never fires a rule:
 * no requests in the short window means nothing is failing right now. A
 * short window without any data while the long one burns is `unknown`: the
 * metrics stopped, so nothing says the failure did.
 * @public
 */
export function evaluateBurnRateAlerts(
  input: EvaluateBurnRateAlertsInput,
): BurnRateAlertEvaluation {
  const missing = new Set(input.missingWindows ?? []);
  const rules = deriveBurnRateAlertPolicy(input.periodSeconds).map(rule => {
    const longBurnRate = finiteOrNull(input.burnRates[rule.longWindow]);
    const shortBurnRate = finiteOrNull(input.burnRates[rule.shortWindow]);
    const hasData = longBurnRate !== null && shortBurnRate !== null;
    const firing =
      longBurnRate !== null &&
      shortBurnRate !== null &&
      reaches(longBurnRate, rule.threshold) &&
      reaches(shortBurnRate, rule.threshold);
    const unknown =
      !firing &&
      longBurnRate !== null &&
      reaches(longBurnRate, rule.threshold) &&
      missing.has(rule.shortWindow);
    return { ...rule, longBurnRate, shortBurnRate, hasData, firing, unknown };
  });
  const firing = rules.filter(rule => rule.firing);
  const unknown = rules.filter(rule => rule.unknown);
  let state: SloAlertState;
  if (firing.some(rule => rule.severity === 'page')) {
    state = 'page';
  } else if (firing.length > 0) {
    state = 'ticket';
  } else if (unknown.length > 0) {
    state = 'unknown';
  } else if (rules.some(rule => rule.hasData)) {
    state = 'ok';
  } else {
    state = 'no-data';
  }
  return { state, rules, firing, unknown };
}
