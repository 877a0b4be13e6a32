import type { ReliabilityApiSchemas as ApiSchemas } from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

/**
 * A problem found while reading OpenSLO documents. `field` is the path inside
 * the document that holds the problem, e.g. `spec.objectives[0].target`, or
 * `(whole document)` / `(whole file)` when the document or the whole file is
 * the problem, e.g. unreadable YAML or a file that is too large (see
 * `SLO_PROBLEM_WHOLE_DOCUMENT`, `SLO_PROBLEM_WHOLE_FILE`); never empty.
 * @public
 */
export type SloProblem = ApiSchemas['SloProblem'];

/** The entity annotation listing an entity's OpenSLO files. @public */
export const ANNOTATION_OPENSLO = 'preflight.dev/openslo';
/** The entity annotation naming its default Prometheus instance. @public */
export const ANNOTATION_PROMETHEUS_INSTANCE =
  'preflight.dev/prometheus-instance';

/**
 * Where an SLO's data stands:
 * `ok` measured and evaluated; `no-data` measured with zero traffic;
 * `error` the last measurement of this SLO failed (see `errors`; the last
 * good evaluation, if any, is still given with its age), or, without
 * `sourceId`, no configured source can measure it as declared (`errors`
 * names the configuration problem and its field);
 * `awaiting-sync` declared but not measured yet.
 * @public
 */
export type SloStatusState = 'ok' | 'no-data' | 'error' | 'awaiting-sync';

/** A link that opens an SLO's query in the metrics source's own UI. @public */
export type SloQueryLinkView =
  ApiSchemas['SloStatusView']['queryLinks'][number];

/** An OpenSLO AlertPolicy of an SLO, as the card names it. @public */
export type SloAlertPolicyView = NonNullable<
  ApiSchemas['SloStatusView']['alertPolicies']
>[number];

/** One SLO of an entity as the SLO widget shows it. @public */
export type SloStatusView = ApiSchemas['SloStatusView'];

/**
 * An SLO's evaluation as the API answers it: {@link SloBudgetEvaluation},
 * except that evaluations stored before `unknown` existed lack it.
 * @public
 */
export type SloEvaluationView = ApiSchemas['SloBudgetEvaluation'];

/** `GET /entities/:kind/:namespace/:name/slos` @public */
export type EntitySlosResponse = ApiSchemas['EntitySlosResponse'];

/** An SLO left out of an entity's generated Prometheus rules, and why. @public */
export type SloRulesProblemView = ApiSchemas['SloRulesProblem'];

/**
 * `GET /entities/:kind/:namespace/:name/slo-rules` with
 * `Accept: application/json`: the rule file and the SLOs left out of it.
 * @public
 */
export type SloRulesResponse = Omit<ApiSchemas['SloRulesResponse'], 'yaml'> & {
  /**
   * The rule file. The frontend client also gives `null` here for the 422
   * answer (no SLO could be exported), with the problems of that answer.
   */
  yaml: string | null;
};

/**
 * Why a deploy is not simply allowed. Kinds that block: an SLO's budget is
 * exhausted (`budget-exhausted`), a page-level alert fires (`page-alert`),
 * a page-level alert's long window burns over its threshold while its short
 * window has no data (`page-alert-unknown`, blocks unless configured with
 * `reliability.slos.deployGate.unknownPageAlert: allow`), or, when
 * `reliability.reviews.gate` is configured, a readiness review (`stage`
 * set): none approved (`review-missing`), one not approved yet
 * (`review-not-approved`), or an approved one that drifted
 * (`review-drifted`). Kinds that leave the gate unable to judge (see
 * {@link DEPLOY_GATE_UNKNOWN_KINDS}): an SLO's last measurement is older
 * than the staleness limit (`stale-data`), an SLO has no usable measurement
 * (`slo-not-measured`: not measured yet, its source never answered, or its
 * measurement fails), or an SLO file or declaration cannot be read
 * (`slo-invalid`).
 * @public
 */
export type DeployGateReason =
  ApiSchemas['DeployGateResponse']['reasons'][number];

/**
 * The reason kinds that mean "cannot judge" rather than "no": a gate with
 * only these reasons decides `unknown`.
 * @public
 */
export const DEPLOY_GATE_UNKNOWN_KINDS: ReadonlyArray<
  DeployGateReason['kind']
> = ['stale-data', 'slo-not-measured', 'slo-invalid'];

/**
 * The gate's verdict: `allow` nothing stands in the way; `block` something
 * does (an exhausted budget, a firing page alert, a missing review);
 * `unknown` nothing blocks, but the gate cannot judge some SLO (its data is
 * missing or stale, its source never answered, its declaration is broken).
 * @public
 */
export type DeployGateDecision = 'allow' | 'block' | 'unknown';

/**
 * What an `unknown` decision does to `allowed`
 * (`reliability.slos.deployGate.onUnknown`).
 * @public
 */
export type DeployGateUnknownPolicy = 'allow' | 'block';

/**
 * The decision a list of reasons amounts to: `block` when any reason
 * blocks, else `unknown` when any says the gate cannot judge, else `allow`.
 * @public
 */
export function decideDeployGate(
  reasons: ReadonlyArray<Pick<DeployGateReason, 'kind'>>,
): DeployGateDecision {
  if (
    reasons.some(reason => !DEPLOY_GATE_UNKNOWN_KINDS.includes(reason.kind))
  ) {
    return 'block';
  }
  return reasons.length > 0 ? 'unknown' : 'allow';
}

/**
 * `allowed` derived from a decision and the policy for unknown: only
 * `allow`, or `unknown` under `onUnknown: allow`, may deploy.
 * @public
 */
export function isDeployAllowed(
  decision: DeployGateDecision,
  onUnknown: DeployGateUnknownPolicy,
): boolean {
  return (
    decision === 'allow' || (decision === 'unknown' && onUnknown === 'allow')
  );
}

/**
 * `GET /entities/:kind/:namespace/:name/deploy-gate`: may this entity deploy
 * now under its error-budget policy? CI should test `decision`
 * (`jq -e '.decision == "allow"'`); `allowed` is kept for older clients and is
 * derived from `decision` and `onUnknown`.
 * @public
 */
export type DeployGateResponse = ApiSchemas['DeployGateResponse'];
