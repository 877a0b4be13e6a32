import {
  type BurnRateAlertResult,
  decideDeployGate,
  type DeployGateReason,
  type DeployGateResponse,
  type DeployGateUnknownPolicy,
  type EntitySlosResponse,
  formatSloDuration,
  isDeployAllowed,
  type SloStatusView,
} from '@preflight/plugin-reliability-common';
import type { DeployGatePolicy } from './readSloSyncConfig';

function percent(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(4))}%`;
}

/**
 * Why an SLO with no usable measurement cannot be judged, naming the
 * source's failure when its source never answered (e.g. Prometheus
 * unreachable from the start), so CI logs say what to fix.
 */
function whyNotMeasured(slos: EntitySlosResponse, slo: SloStatusView): string {
  if (slo.errors[0]) {
    return `${slo.displayName} could not be measured: ${slo.errors[0]}`;
  }
  const source = slos.sources.find(candidate => candidate.id === slo.sourceId);
  if (source?.lastError) {
    return `${slo.displayName} has not been measured: ${source.displayName} ${
      source.lastSuccessAt ? 'fails' : 'has never answered'
    }: ${source.lastError}${
      source.lastAttemptAt ? ` (last tried ${source.lastAttemptAt})` : ''
    }`;
  }
  return `${slo.displayName} has not been measured yet`;
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

function windows(
  rule: Pick<
    BurnRateAlertResult,
    | 'longBurnRate'
    | 'longWindowSeconds'
    | 'shortBurnRate'
    | 'shortWindowSeconds'
    | 'threshold'
  >,
): string {
  return `burn rate ${burnRate(rule.longBurnRate)} over ${formatSloDuration(
    rule.longWindowSeconds,
  )} and ${burnRate(rule.shortBurnRate)} over ${formatSloDuration(
    rule.shortWindowSeconds,
  )}, threshold ${rule.threshold}`;
}

/**
 * Whether an entity may deploy now under its error-budget policy.
 * `block` while any SLO's budget is exhausted (≤ 0 left) or a page-level
 * burn-rate alert fires; a page-level alert whose long window burns while
 * its short window has no data (the metrics stopped) blocks too, unless
 * `policy.unknownPageAlert` is `allow` (then it is a note in `unknown`).
 * `unknown` when nothing blocks but some SLO cannot be judged: its
 * evaluation is older than `staleAfterMs`, it has no usable measurement
 * (not measured yet, its source never answered, its measurement fails) or
 * its declaration cannot be read. `allowed` follows `policy.onUnknown` for
 * `unknown` (block by default: a gate that cannot see must not say yes).
 * Zero traffic in an SLO's window is judged, not unknown: nothing can burn.
 */
export function evaluateDeployGate(
  slos: EntitySlosResponse,
  options: {
    now: Date;
    staleAfterMs: number;
    policy?: Partial<DeployGatePolicy>;
  },
): DeployGateResponse {
  const unknownPageAlert = options.policy?.unknownPageAlert ?? 'block';
  const onUnknown = options.policy?.onUnknown ?? 'block';
  const reasons: DeployGateReason[] = [];
  const unknown: DeployGateResponse['unknown'] = [];
  for (const slo of slos.slos) {
    const evaluation = slo.evaluation;
    if (!slo.sourceId) {
      // No configured source can measure it as declared.
      reasons.push({
        sloId: slo.id,
        kind: 'slo-invalid',
        message: `${slo.displayName} cannot be measured: ${
          slo.errors[0] ?? 'no configured SLO source measures it'
        }`,
      });
      continue;
    }
    if (!evaluation || !slo.evaluatedAt) {
      reasons.push({
        sloId: slo.id,
        kind: 'slo-not-measured',
        message: whyNotMeasured(slos, slo),
      });
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
    } else if (evaluation.attainment === null) {
      unknown.push({
        sloId: slo.id,
        message: `${slo.displayName} had no traffic in its ${slo.window} window`,
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
    // An unmeasurable SLO already names its configuration problem above.
    if (
      reasons.some(
        reason =>
          slos.slos.some(
            slo => slo.id === reason.sloId && slo.name === problem.sloName,
          ) && reason.message.includes(problem.message),
      )
    ) {
      continue;
    }
    reasons.push({
      ...(problem.sloName ? { sloId: problem.sloName } : {}),
      kind: 'slo-invalid',
      message: `${problem.file}${
        problem.sloName ? ` (SLO "${problem.sloName}")` : ''
      }, ${problem.field}: ${problem.message}`,
    });
  }
  return gateAnswer(slos.entityRef, reasons, unknown, options.now, onUnknown);
}

/**
 * The gate's answer for a list of reasons, with `decision` and the
 * `allowed` it implies under `onUnknown`. Shared by the SLO gate and the
 * readiness-review gate added to it, so both derive `allowed` one way.
 */
export function gateAnswer(
  entityRef: string,
  reasons: DeployGateReason[],
  unknown: DeployGateResponse['unknown'],
  now: Date,
  onUnknown: DeployGateUnknownPolicy,
): DeployGateResponse {
  const decision = decideDeployGate(reasons);
  return {
    entityRef,
    decision,
    onUnknown,
    allowed: isDeployAllowed(decision, onUnknown),
    reasons,
    unknown,
    evaluatedAt: now.toISOString(),
  };
}
