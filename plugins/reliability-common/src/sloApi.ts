import type { SloProblem } from './openslo';
import type { BurnDownPoint, SloBudgetEvaluation } from './slo';
import type { SourceHealth } from './types';

/** The entity annotation listing an entity's OpenSLO files. @public */
export const ANNOTATION_OPENSLO = 'preflight.dev/openslo';
/** The entity annotation naming its default Prometheus instance. @public */
export const ANNOTATION_PROMETHEUS_INSTANCE =
  'preflight.dev/prometheus-instance';

/**
 * Where an SLO's data stands:
 * `ok` measured and evaluated; `no-data` measured with zero traffic;
 * `error` the last measurement of this SLO failed (see `errors`; the last
 * good evaluation, if any, is still given with its age);
 * `awaiting-sync` declared but not measured yet.
 * @public
 */
export type SloStatusState = 'ok' | 'no-data' | 'error' | 'awaiting-sync';

/** A link that opens an SLO's query in the metrics source's own UI. @public */
export interface SloQueryLinkView {
  title: string;
  url: string;
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
  budgetingMethod: 'Occurrences' | 'Timeslices';
  /** e.g. `prometheus:main`. */
  sourceId?: string;
  state: SloStatusState;
  /** Attainment, budget, burn rates, alert state, time to exhaustion; absent before the first good measurement. */
  evaluation?: SloBudgetEvaluation;
  /** Budget burn-down over the window, oldest first. */
  burnDown: BurnDownPoint[];
  /** When `evaluation` was measured (ISO-8601). */
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

/**
 * Why a deploy is blocked: an SLO (`sloId` set), or, when
 * `reliability.reviews.gate` is configured, a readiness review (`stage` set):
 * none approved (`review-missing`), one not approved yet
 * (`review-not-approved`), or an approved one that drifted (`review-drifted`).
 * @public
 */
export interface DeployGateReason {
  /** The SLO concerned; absent for review reasons. */
  sloId?: string;
  kind:
    | 'budget-exhausted'
    | 'page-alert'
    | 'stale-data'
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
 * `GET /entities/:kind/:namespace/:name/deploy-gate`: may this entity deploy
 * now under its error-budget policy?
 * @public
 */
export interface DeployGateResponse {
  entityRef: string;
  allowed: boolean;
  /** Empty when allowed. */
  reasons: DeployGateReason[];
  /** SLOs that could not be judged (no data, awaiting sync); they do not block. */
  unknown: Array<{ sloId: string; message: string }>;
  evaluatedAt: string;
}
