import {
  formatSloDuration,
  type BurnRateAlertResult,
  type DeployGateReason,
  type DeployGateResponse,
  type EntitySlosResponse,
  type SloStatusView,
} from '@preflight/plugin-reliability-common';
import type { DeployGatePolicy } from './readSloSyncConfig';

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}

function whyUnknown(slo: SloStatusView): string {
  if (slo.state === 'awaiting-sync') {
    return `${slo.displayName} has not been measured yet`;
  }
  if (slo.state === 'error') {
    return `${slo.displayName} could not be measured: ${
      slo.errors[0] ?? 'unknown error'
    }`;
  }
  return `${slo.displayName} had no traffic in its ${slo.window} window`;
}

/**
 * Why the data is old, when it is known: the error of the SLO's own last
 * measurement (e.g. the engine refused its query over a sample limit), else
 * the source's last error, so the gate names the cause rather than only the
 * age.
 */
function sourceFailure(slos: EntitySlosResponse, slo: SloStatusView): string {
  if (slo.errors[0]) {
    return `; its last measurement failed: ${slo.errors[0]}`;
  }
  const source = slos.sources.find(candidate => candidate.id === slo.sourceId);
  return source?.lastError
    ? `; the last measurement of ${source.displayName} failed: ${source.lastError}`
    : '';
}

function burnRate(value: number | null): string {
  return value === null ? 'no data' : value.toFixed(1);
}

function windows(rule: BurnRateAlertResult): string {
  return `burn rate ${burnRate(rule.longBurnRate)} over ${formatSloDuration(
    rule.longWindowSeconds,
  )} and ${burnRate(rule.shortBurnRate)} over ${formatSloDuration(
    rule.shortWindowSeconds,
  )}, threshold ${rule.threshold}`;
}

/**
 * Whether an entity may deploy now under its error-budget policy: blocked
 * while any SLO's budget is exhausted (≤ 0 left), a page-level burn-rate
 * alert fires, or the evaluation it would be judged on is older than
 * `staleAfterMs`. A page-level alert whose long window burns while its
 * short window has no data (the metrics stopped) blocks too, unless
 * `policy.unknownPageAlert` is `allow`; then it is listed as unknown. SLOs
 * that cannot be judged (no traffic, not measured yet, never measured
 * successfully, or declared with problems) are listed as unknown and do not
 * block.
 * @public
 */
export function evaluateDeployGate(
  slos: EntitySlosResponse,
  options: { now: Date; staleAfterMs: number; policy?: DeployGatePolicy },
): DeployGateResponse {
  const unknownPageAlert = options.policy?.unknownPageAlert ?? 'block';
  const reasons: DeployGateReason[] = [];
  const unknown: DeployGateResponse['unknown'] = [];
  for (const slo of slos.slos) {
    const evaluation = slo.evaluation;
    if (!evaluation || !slo.evaluatedAt || evaluation.attainment === null) {
      unknown.push({ sloId: slo.id, message: whyUnknown(slo) });
      continue;
    }
    const ageMs = options.now.getTime() - Date.parse(slo.evaluatedAt);
    if (ageMs > options.staleAfterMs) {
      reasons.push({
        sloId: slo.id,
        kind: 'stale-data',
        message: `${slo.displayName} was last measured ${Math.round(
          ageMs / 60_000,
        )} minutes ago; the gate needs data younger than ${Math.round(
          options.staleAfterMs / 60_000,
        )} minutes${sourceFailure(slos, slo)}`,
      });
    }
    if (
      evaluation.budgetRemaining !== null &&
      evaluation.budgetRemaining <= 0
    ) {
      reasons.push({
        sloId: slo.id,
        kind: 'budget-exhausted',
        message: `${slo.displayName} has exhausted its error budget (${percent(
          evaluation.budgetRemaining,
        )} left of the ${slo.window} budget at a ${percent(
          slo.objective,
        )} objective)`,
      });
    }
    const page = evaluation.alerts.firing.filter(
      rule => rule.severity === 'page',
    );
    if (page.length > 0) {
      const rule = page[0];
      reasons.push({
        sloId: slo.id,
        kind: 'page-alert',
        message: `${
          slo.displayName
        } is burning its error budget fast: a page-level alert fires (${windows(
          rule,
        )})`,
      });
    }
    const unknownPage = (evaluation.alerts.unknown ?? []).filter(
      rule => rule.severity === 'page',
    );
    if (page.length === 0 && unknownPage.length > 0) {
      const message = `${
        slo.displayName
      } was burning its error budget fast and its metrics stopped: whether the page-level alert fires is unknown (${windows(
        unknownPage[0],
      )})`;
      if (unknownPageAlert === 'block') {
        reasons.push({ sloId: slo.id, kind: 'page-alert-unknown', message });
      } else {
        unknown.push({ sloId: slo.id, message });
      }
    }
  }
  for (const problem of slos.problems) {
    const sloId = problem.sloName ?? problem.file;
    // An unmeasurable SLO already names its configuration problem above.
    if (
      unknown.some(
        entry =>
          slos.slos.some(slo => slo.id === entry.sloId && slo.name === sloId) &&
          entry.message.includes(problem.message),
      )
    ) {
      continue;
    }
    unknown.push({ sloId, message: problem.message });
  }
  return {
    entityRef: slos.entityRef,
    allowed: reasons.length === 0,
    reasons,
    unknown,
    evaluatedAt: options.now.toISOString(),
  };
}
