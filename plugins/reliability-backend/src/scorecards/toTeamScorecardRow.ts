import type { EntityReadinessFacts } from '@preflight/plugin-reliability-node';
import type {
  EntityScorecard,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';

// Most severe first: a page outranks a ticket, an unknown burn outranks
// silence, and missing data outranks a clean "ok".
const ALERT_SEVERITY: Array<NonNullable<TeamScorecardRow['sloAlert']>> = [
  'page',
  'ticket',
  'unknown',
  'no-data',
  'ok',
];

/** The most severe alert state among the SLOs; null without SLOs. */
function worstAlert(facts: EntityReadinessFacts): TeamScorecardRow['sloAlert'] {
  const states = new Set(facts.slos.slos.map(slo => slo.alertState));
  return ALERT_SEVERITY.find(state => states.has(state)) ?? null;
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The team-table row of an evaluated entity: its level and score with the
 * figures a manager scans (weakest SLO, on-call coverage, MTTR, open
 * incidents), and whether any fact behind them was stale.
 */
export function toTeamScorecardRow(
  facts: EntityReadinessFacts,
  scorecard: EntityScorecard,
): TeamScorecardRow {
  const { entity, onCall } = facts;
  const measured = facts.slos.slos.filter(slo => slo.attainment !== null);
  const weakest = measured.reduce<(typeof measured)[number] | undefined>(
    (lowest, slo) =>
      !lowest || slo.attainment! < lowest.attainment! ? slo : lowest,
    undefined,
  );
  const budgets = facts.slos.slos.flatMap(slo =>
    slo.budgetRemaining === null ? [] : [slo.budgetRemaining],
  );
  const linked = onCall.state === 'ok';
  const type = stringField(entity.spec?.type);
  const lifecycle = stringField(entity.spec?.lifecycle);
  return {
    entityRef: scorecard.entityRef,
    ...(entity.metadata.title ? { title: entity.metadata.title } : {}),
    kind: entity.kind.toLocaleLowerCase('en-US'),
    ...(type ? { type } : {}),
    ...(lifecycle ? { lifecycle } : {}),
    ...(facts.tier ? { tier: facts.tier } : {}),
    ownerRef: facts.owner?.ref ?? '',
    levelId: scorecard.level?.id ?? null,
    score: scorecard.score,
    failingChecks: scorecard.checks.filter(
      check => !check.passing && check.state !== 'not-applicable',
    ).length,
    sloAttainment: weakest?.attainment ?? null,
    sloObjective: weakest?.objective ?? null,
    sloBudgetRemaining: budgets.length > 0 ? Math.min(...budgets) : null,
    // A linked service without an escalation policy pages nobody.
    onCallCovered: linked
      ? (onCall.escalationPolicy?.level1Gaps.length ?? 1) === 0
      : null,
    mttrSeconds: onCall.incidents?.mttrSeconds ?? null,
    openIncidents: onCall.incidents ? onCall.incidents.open.length : null,
    sloAlert: worstAlert(facts),
    evaluatedAt: scorecard.evaluatedAt,
    stale: scorecard.sources.some(source => source.stale),
  };
}
