import type {
  CheckOutcome,
  EntityReadinessFacts,
  ScorecardCheck,
  SloFact,
} from '@preflight/plugin-reliability-node';
import type { FactFreshness } from '@preflight/plugin-reliability-common';
import {
  catalogFact,
  formatBudgetPercent,
  formatPercent,
  numberParam,
  outcome,
  SERVICE_KINDS,
  sourceFact,
  untrustedSources,
} from './checkSupport';

const OPENSLO_DOCS = 'https://github.com/OpenSLO/OpenSLO#slo';

function freshnessOf(facts: EntityReadinessFacts, slo: SloFact): FactFreshness {
  return (
    facts.slos.freshness.find(source => source.sourceId === slo.sourceId) ?? {
      sourceId: slo.sourceId ?? 'metrics',
      asOf: slo.evaluatedAt,
      stale: false,
    }
  );
}

/**
 * SLOs with a usable measurement, or the outcome when they cannot be
 * judged: none declared (not applicable: "SLOs defined" covers that), data
 * missing or stale (error).
 */
function measuredSlos(
  facts: EntityReadinessFacts,
): { slos: SloFact[] } | { outcome: CheckOutcome } {
  const slos = facts.slos.slos;
  if (slos.length === 0) {
    return {
      outcome: outcome(
        'not-applicable',
        'The entity declares no SLO (see "SLOs defined")',
        [catalogFact('SLOs', 0)],
      ),
    };
  }
  const untrusted = untrustedSources(facts.slos.freshness, 'SLO measurements');
  if (untrusted) {
    return { outcome: untrusted };
  }
  const unmeasured = slos.find(
    slo =>
      slo.state === 'awaiting-sync' ||
      (slo.state === 'error' &&
        slo.attainment === null &&
        slo.budgetRemaining === null),
  );
  if (unmeasured) {
    return {
      outcome: outcome(
        'error',
        unmeasured.state === 'awaiting-sync'
          ? `${unmeasured.displayName} has not been measured yet`
          : `${unmeasured.displayName} could not be measured: ${
              unmeasured.errors[0] ?? 'unknown error'
            }`,
        [
          sourceFact(
            'SLO state',
            unmeasured.state,
            freshnessOf(facts, unmeasured),
          ),
        ],
      ),
    };
  }
  return { slos };
}

/** At least N SLOs are declared. */
export const sloDefinedCheck: ScorecardCheck = {
  id: 'slo-defined',
  defaults: {
    title: 'SLOs defined',
    category: 'slos',
    description:
      'The entity declares at least one OpenSLO objective, so reliability is measured against a target.',
    fix: {
      text: 'Write an OpenSLO v1 file next to the catalog file and reference it with the annotation "preflight.dev/openslo: slos/<name>.yaml".',
      url: OPENSLO_DOCS,
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { minSlos: 1 },
  },
  evaluate({ facts, params }) {
    const minSlos = numberParam(params, 'minSlos');
    const count = facts.slos.slos.length;
    const used = [catalogFact('SLOs', count)];
    if (count >= minSlos) {
      return outcome(
        'pass',
        `${count} SLO${count === 1 ? '' : 's'} declared`,
        used,
      );
    }
    const problem = facts.slos.problems[0];
    return outcome(
      'fail',
      problem
        ? `${count} usable SLOs; ${problem.file} ${problem.field}: ${problem.message}`
        : `${count} SLO${
            count === 1 ? '' : 's'
          } declared; at least ${minSlos} required`,
      [...used, catalogFact('OpenSLO problems', facts.slos.problems.length)],
    );
  },
};

/** Every SLO meets its objective over its window. */
export const sloMetCheck: ScorecardCheck = {
  id: 'slo-met',
  defaults: {
    title: 'SLOs met',
    category: 'slos',
    description:
      "Every SLO's attainment over its window is at or above its objective.",
    fix: {
      text: "Find what burns the budget (the SLO card's burn-rate table and burn-down show when), fix it, and freeze risky changes until attainment recovers.",
      url: 'https://sre.google/workbook/implementing-slos/',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate({ facts }) {
    const measured = measuredSlos(facts);
    if ('outcome' in measured) {
      return measured.outcome;
    }
    const judged = measured.slos.filter(slo => slo.attainment !== null);
    const missed = judged.filter(slo => slo.attainment! < slo.objective);
    const used = measured.slos.map(slo =>
      sourceFact(
        `${slo.displayName} (${formatPercent(slo.objective)} over ${
          slo.window
        })`,
        slo.attainment === null ? 'no traffic' : formatPercent(slo.attainment),
        freshnessOf(facts, slo),
      ),
    );
    if (missed.length > 0) {
      return outcome(
        'fail',
        missed
          .map(
            slo =>
              `${slo.displayName} is at ${formatPercent(
                slo.attainment!,
              )}, below its ${formatPercent(slo.objective)} objective`,
          )
          .join('; '),
        used,
      );
    }
    if (judged.length < measured.slos.length) {
      return outcome(
        'warning',
        'Some SLOs had no traffic in their window, so they could not be judged; the others are met',
        used,
      );
    }
    return outcome(
      'pass',
      `All ${judged.length} SLOs meet their objectives`,
      used,
    );
  },
};

/** Every SLO has error budget left. */
export const sloBudgetLeftCheck: ScorecardCheck = {
  id: 'slo-budget-left',
  defaults: {
    title: 'Error budget left',
    category: 'slos',
    description:
      'Every SLO has error budget left; a warning when little is left.',
    fix: {
      text: 'Slow down risky changes and spend engineering time on reliability until the budget recovers (the deploy gate blocks deploys while it is exhausted).',
      url: 'https://sre.google/workbook/error-budget-policy/',
    },
    appliesTo: { kinds: SERVICE_KINDS },
    params: { minBudgetRemaining: 0, warnBudgetRemaining: 0.25 },
  },
  evaluate({ facts, params }) {
    const measured = measuredSlos(facts);
    if ('outcome' in measured) {
      return measured.outcome;
    }
    const minimum = numberParam(params, 'minBudgetRemaining');
    const warnBelow = numberParam(params, 'warnBudgetRemaining');
    const judged = measured.slos.filter(slo => slo.budgetRemaining !== null);
    const used = measured.slos.map(slo =>
      sourceFact(
        `${slo.displayName} budget left`,
        slo.budgetRemaining === null
          ? 'no traffic'
          : formatBudgetPercent(slo.budgetRemaining),
        freshnessOf(facts, slo),
      ),
    );
    if (judged.length === 0) {
      return outcome(
        'warning',
        'No SLO had traffic in its window, so no budget could be computed',
        used,
      );
    }
    const lowest = judged.reduce((a, b) =>
      b.budgetRemaining! < a.budgetRemaining! ? b : a,
    );
    const left = lowest.budgetRemaining!;
    if (left <= minimum) {
      return outcome(
        'fail',
        `${lowest.displayName} has ${formatBudgetPercent(
          left,
        )} of its error budget left (must stay above ${formatBudgetPercent(
          minimum,
        )})`,
        used,
      );
    }
    if (left < warnBelow) {
      return outcome(
        'warning',
        `${lowest.displayName} has only ${formatBudgetPercent(
          left,
        )} of its error budget left`,
        used,
      );
    }
    return outcome(
      'pass',
      `The lowest budget left is ${formatBudgetPercent(left)} (${
        lowest.displayName
      })`,
      used,
    );
  },
};

/** No page-severity burn alert fires. */
export const sloNoPageAlertCheck: ScorecardCheck = {
  id: 'slo-no-page-alert',
  defaults: {
    title: 'No page-level burn',
    category: 'slos',
    description:
      'No SLO is burning its budget fast enough to page (multi-window, multi-burn-rate alert).',
    fix: {
      text: 'Treat it as an incident: the budget will be gone within days at this rate. Find and stop the errors.',
      url: 'https://sre.google/workbook/alerting-on-slos/',
    },
    appliesTo: { kinds: SERVICE_KINDS },
  },
  evaluate({ facts }) {
    const measured = measuredSlos(facts);
    if ('outcome' in measured) {
      return measured.outcome;
    }
    const used = measured.slos.map(slo =>
      sourceFact(
        `${slo.displayName} alert`,
        slo.alertState ?? 'unknown',
        freshnessOf(facts, slo),
      ),
    );
    const paging = measured.slos.filter(slo => slo.alertState === 'page');
    if (paging.length > 0) {
      return outcome(
        'fail',
        `Page-level burn alert firing: ${paging
          .map(slo => slo.displayName)
          .join(', ')}`,
        used,
      );
    }
    const ticketing = measured.slos.filter(slo => slo.alertState === 'ticket');
    if (ticketing.length > 0) {
      return outcome(
        'warning',
        `Ticket-level burn alert firing: ${ticketing
          .map(slo => slo.displayName)
          .join(', ')}`,
        used,
      );
    }
    // A long window burning while the short one has no data: the metrics
    // stopped, so "not firing" would be a guess.
    const unknown = measured.slos.filter(slo => slo.alertState === 'unknown');
    if (unknown.length > 0) {
      return outcome(
        'warning',
        `Burn alert state unknown (metrics stopped while burning): ${unknown
          .map(slo => slo.displayName)
          .join(', ')}`,
        used,
      );
    }
    return outcome('pass', 'No burn-rate alert is firing', used);
  },
};

/** SLO checks. */
export const sloChecks = [
  sloDefinedCheck,
  sloMetCheck,
  sloBudgetLeftCheck,
  sloNoPageAlertCheck,
];
