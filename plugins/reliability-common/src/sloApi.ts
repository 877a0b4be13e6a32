import type { BurnDownPoint, SloBudgetEvaluation } from './slo';
import type { MetadataProblem, SourceHealth } from './types';

/**
 * A problem found while reading OpenSLO documents. `field` is the path inside
 * the document that holds the problem, e.g. `spec.objectives[0].target`, or
 * `(whole document)` / `(whole file)` when the document or the whole file is
 * the problem, e.g. unreadable YAML or a file that is too large (see
 * `SLO_PROBLEM_WHOLE_DOCUMENT`, `SLO_PROBLEM_WHOLE_FILE`); never empty.
 * @public
 */
export interface SloProblem extends MetadataProblem {
  /** The file the problem is in, as given to the parser. */
  file: string;
  /** `metadata.name` of the SLO the problem belongs to, when known. */
  sloName?: string;
  /** The YAML document holding `field`, when the problem is inside one. */
  document?: {
    /** 0-based position of the YAML document in the file (documents are separated by `---`). */
    index: number;
    /** 0-based position in the document's top-level list, when the document is a list of objects. */
    item?: number;
    kind?: string;
    name?: string;
  };
}

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
export interface SloQueryLinkView {
  title: string;
  url: string;
}

/** An OpenSLO AlertPolicy of an SLO, as the card names it. @public */
export interface SloAlertPolicyView {
  name: string;
  displayName?: string;
  /** The alert's severity, as written, e.g. `page`. */
  severity: string;
  /** e.g. `burn rate ≥ 14.4 over 1h for 5m`. */
  condition: string;
  /** `<name>: <target>` of each notification target, e.g. `checkout-oncall: slack`. */
  notificationTargets: string[];
}

/** One SLO of an entity as the SLO widget shows it. @public */
export interface SloStatusView {
  /** Unique within the entity (see `SloDefinition.id`). */
  id: string;
  name: string;
  displayName: string;
  description?: string;
  /** The OpenSLO file it came from, relative to the entity's catalog file. */
  file: string;
  indicatorKind: 'ratio' | 'threshold';
  /** Objective as a fraction, e.g. 0.999. */
  objective: number;
  /** The window as written, e.g. `28d`, and in seconds. */
  window: string;
  windowSeconds: number;
  rolling: boolean;
  /**
   * Calendar-aligned windows only: the calendar window in force when the SLO
   * was measured (or, before that, when the answer was made), ISO-8601.
   * Attainment and budget count from `windowStart`; the budget resets at
   * `windowEnd`.
   */
  windowStart?: string;
  windowEnd?: string;
  budgetingMethod: 'Occurrences' | 'Timeslices' | 'RatioTimeslices';
  /**
   * The OpenSLO alert policies the exported Prometheus alerts follow;
   * absent when the SLO names none and Preflight's default multi-window
   * burn-rate policy is in force.
   */
  alertPolicies?: SloAlertPolicyView[];
  /** e.g. `prometheus:main`. */
  sourceId?: string;
  state: SloStatusState;
  /** Attainment, budget, burn rates, alert state, time to exhaustion; absent before the first good measurement. */
  evaluation?: SloBudgetEvaluation;
  /** Budget burn-down over the window, oldest first. */
  burnDown: BurnDownPoint[];
  /** The instant `evaluation` was measured at (ISO-8601), e.g. the whole minute Prometheus evaluated its queries at. */
  evaluatedAt: string | null;
  queryLinks: SloQueryLinkView[];
  /** Why the last measurement failed, naming the SLO and the query. */
  errors: string[];
  warnings: string[];
}

/** `GET /entities/:kind/:namespace/:name/slos` @public */
export interface EntitySlosResponse {
  entityRef: string;
  slos: SloStatusView[];
  /** Problems of the entity's OpenSLO files (unreadable, bad window, ...), each naming the file, SLO and field. */
  problems: SloProblem[];
  /** Health of the metrics sources these SLOs are measured from. */
  sources: SourceHealth[];
  generatedAt: string;
}

/** An SLO left out of an entity's generated Prometheus rules, and why. @public */
export interface SloRulesProblemView {
  sloId: string;
  /** The OpenSLO file the SLO is declared in. */
  file: string;
  /** The field at fault, or `(whole SLO)`. */
  field: string;
  message: string;
  fix?: string;
}

/**
 * `GET /entities/:kind/:namespace/:name/slo-rules` with
 * `Accept: application/json`: the rule file and the SLOs left out of it.
 * @public
 */
export interface SloRulesResponse {
  entityRef: string;
  /** Suggested file name, e.g. `checkout-api.slo-rules.yaml`. */
  fileName: string;
  /**
   * The rule file. The frontend client also gives `null` here for the 422
   * answer (no SLO could be exported), with the problems of that answer.
   */
  yaml: string | null;
  problems: SloRulesProblemView[];
}

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
export interface DeployGateReason {
  /** The SLO concerned; absent for review reasons and unreadable files. */
  sloId?: string;
  kind:
    | 'budget-exhausted'
    | 'page-alert'
    | 'page-alert-unknown'
    | 'stale-data'
    | 'slo-not-measured'
    | 'slo-invalid'
    | 'review-missing'
    | 'review-not-approved'
    | 'review-drifted';
  message: string;
  /** Review reasons: the gated stage. */
  stage?: string;
  /** Review reasons: the open review concerned, when there is one. */
  reviewId?: string;
}

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
export interface DeployGateResponse {
  entityRef: string;
  decision: DeployGateDecision;
  /** The policy applied to an `unknown` decision. */
  onUnknown: DeployGateUnknownPolicy;
  /** `decision` is `allow`, or `unknown` while `onUnknown` is `allow`. */
  allowed: boolean;
  /** Why the decision is not `allow`: blocking and cannot-judge reasons; empty when it is. */
  reasons: DeployGateReason[];
  /**
   * Notes that do not change the decision: SLOs with no traffic in their
   * window, and a page alert of unknown state while
   * `reliability.slos.deployGate.unknownPageAlert` is `allow`.
   */
  unknown: Array<{ sloId: string; message: string }>;
  evaluatedAt: string;
}
