import type {
  SloStatusView,
  SourceHealth,
} from '@preflight/plugin-reliability-common';

/** How bad an SLO's state is, worst first when sorted by `rank`. */
export type SloHealthSeverity =
  | 'error'
  | 'warning'
  | 'success'
  | 'info'
  | 'default';

/**
 * The one status of an SLO, from its budget, its burn-rate alerts and how
 * fresh its measurement is. Every place that shows an SLO's status uses
 * this, so a green chip never sits next to an exhausted budget.
 */
export interface SloHealth {
  /** Short label for a chip, e.g. "Budget exhausted". */
  label: string;
  severity: SloHealthSeverity;
  /** Every reason behind the label, one sentence each. */
  reasons: string[];
  /** Lower is worse; used to pick an entity's worst SLO. */
  rank: number;
  /** True when the figures are older than they should be. */
  stale: boolean;
}

const RANK: Record<SloHealthSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
  default: 3,
  success: 4,
};

function health(
  label: string,
  severity: SloHealthSeverity,
  reasons: string[],
  stale: boolean,
): SloHealth {
  return { label, severity, reasons, rank: RANK[severity], stale };
}

/**
 * Derives an SLO's single status. Order of concern: not measurable, then
 * an exhausted budget or a page alert (either blocks deploys), then a
 * ticket alert or stopped metrics, then stale figures, then healthy.
 * `sources` (optional) marks the status stale when the SLO's metrics
 * source is stale.
 */
export function sloHealth(
  slo: SloStatusView,
  sources: SourceHealth[] = [],
): SloHealth {
  const { evaluation } = slo;
  const source = sources.find(candidate => candidate.id === slo.sourceId);
  // An SLO showing its last good measurement after a failed one is stale,
  // and so is one whose metrics source has stopped syncing.
  const stale =
    (slo.state === 'error' && evaluation !== undefined) ||
    source?.stale === true;
  const staleReason = stale
    ? [
        'The figures are from an older measurement: the last one failed or the source is stale.',
      ]
    : [];

  if (slo.state === 'awaiting-sync' && !evaluation) {
    return health(
      'Awaiting sync',
      'info',
      ['Declared but not measured yet; the next sync measures it.'],
      false,
    );
  }
  if (slo.state === 'error' && !slo.sourceId) {
    return health(
      'Cannot be measured',
      'error',
      [
        'No configured source can measure this SLO as declared; the error below says what to change.',
      ],
      false,
    );
  }
  if (slo.state === 'error' && !evaluation) {
    return health(
      'Measurement failed',
      'error',
      ['The SLO could not be measured; see the errors below.'],
      false,
    );
  }
  if (!evaluation) {
    return health(
      'No data',
      'default',
      ['No traffic in the SLO window, so nothing can be judged.'],
      stale,
    );
  }

  const exhausted =
    evaluation.budgetRemaining !== null && evaluation.budgetRemaining <= 0;
  const alert = evaluation.alerts.state;
  const reasons: string[] = [];
  if (exhausted) {
    reasons.push(
      'The error budget is used up: the error-budget policy blocks deploys.',
    );
  }
  if (alert === 'page') {
    reasons.push(
      'A page-level burn-rate alert is firing: at this rate the budget is gone within days.',
    );
  } else if (alert === 'ticket') {
    reasons.push(
      'A ticket-level burn-rate alert is firing: the budget is being spent faster than it should.',
    );
  } else if (alert === 'unknown') {
    reasons.push(
      'A long alert window burns over its threshold but the short window has no data: the service stopped reporting, so nothing says it stopped failing.',
    );
  }
  reasons.push(...staleReason);

  if (exhausted && alert === 'page') {
    return health('Budget exhausted, paging', 'error', reasons, stale);
  }
  if (exhausted) {
    return health('Budget exhausted', 'error', reasons, stale);
  }
  if (alert === 'page') {
    return health('Page: burning fast', 'error', reasons, stale);
  }
  if (alert === 'ticket') {
    return health('Ticket: burning', 'warning', reasons, stale);
  }
  if (alert === 'unknown') {
    return health('Unknown: metrics stopped', 'warning', reasons, stale);
  }
  if (stale) {
    return health('Stale figures', 'warning', reasons, stale);
  }
  if (alert === 'ok') {
    return health(
      'Within budget',
      'success',
      ['Budget left and no burn-rate alert is firing.'],
      false,
    );
  }
  return health(
    'No data',
    'default',
    ['No traffic in the alert windows, so no alert can be judged.'],
    false,
  );
}

/**
 * The SLO whose status is worst (then the one with the least budget
 * left), or undefined for none.
 */
export function worstSlo(
  slos: SloStatusView[],
  sources: SourceHealth[] = [],
): { slo: SloStatusView; health: SloHealth } | undefined {
  return slos
    .map(slo => ({ slo, health: sloHealth(slo, sources) }))
    .sort(
      (a, b) =>
        a.health.rank - b.health.rank ||
        (a.slo.evaluation?.budgetRemaining ?? Infinity) -
          (b.slo.evaluation?.budgetRemaining ?? Infinity),
    )[0];
}
