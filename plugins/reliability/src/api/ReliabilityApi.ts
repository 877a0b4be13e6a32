import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  AnswerItemRequest,
  CreateReviewRequest,
  DeployGateResponse,
  EntityReliabilitySummary,
  EntityReviewsResponse,
  EntityScorecardResponse,
  EntitySlosResponse,
  GroupOnCallResponse,
  GroupScorecardQuery,
  GroupScorecardResponse,
  OnCallHealthResponse,
  RefreshEntityResponse,
  ReliabilityReportResponse,
  ReviewActionRequest,
  ReviewListQuery,
  ReviewListResponse,
  ReviewResponse,
  ReviewTemplatesResponse,
  RubricPreviewRequest,
  RubricPreviewResponse,
  ScorecardOverviewResponse,
  SloRulesResponse,
  SourcesHealthResponse,
  WaiveItemRequest,
} from '@preflight/plugin-reliability-common';

/**
 * The formats a review record can be exported in: `markdown` for people,
 * `json` for tools (the review, its template and its event log).
 * @public
 */
export type ReviewExportFormat = 'markdown' | 'json';

/**
 * The period a reliability report covers: one calendar month (`month`,
 * `YYYY-MM`) or a run of whole local days (`from` and `to`, `YYYY-MM-DD`,
 * both inclusive), with day boundaries taken in `timeZone` (the backend's
 * default zone when left out). No period: the last whole calendar month.
 * @public
 */
export interface ReliabilityReportQuery {
  /** One calendar month, `YYYY-MM`; not with `from`/`to`. */
  month?: string;
  /** The first day, `YYYY-MM-DD`; with `to`. */
  from?: string;
  /** The last day (inclusive), `YYYY-MM-DD`; with `from`. */
  to?: string;
  /** IANA zone the day boundaries are taken in, e.g. `Europe/Berlin`. */
  timeZone?: string;
}

/**
 * Options common to every {@link ReliabilityApi} call.
 * @public
 */
export interface ReliabilityRequestOptions {
  /** Aborts the request, e.g. when the component that asked unmounts. */
  signal?: AbortSignal;
}

/**
 * The Preflight reliability backend, as the frontend sees it. Failures are
 * thrown as `ResponseError` from `@backstage/errors`, so callers can read
 * the status code (403 denied, 404 unknown entity, 429 rate limited).
 * @public
 */
export interface ReliabilityApi {
  /** On-call, runbooks, incident stats and freshness of one entity. */
  getEntitySummary(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityReliabilitySummary>;
  /**
   * Re-reads one entity from its upstream sources now. Permission-checked
   * and rate-limited by the backend.
   */
  refreshEntity(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<RefreshEntityResponse>;
  /** Health of every configured source. */
  getSourcesHealth(
    options?: ReliabilityRequestOptions,
  ): Promise<SourcesHealthResponse>;

  /**
   * Who is on call for every entity a group and its sub-groups own, from
   * the backend's stored data. A string ref defaults to kind `group`.
   */
  getGroupOnCall(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<GroupOnCallResponse>;

  /** The SLOs of one entity with their budgets, burn rates and problems. */
  getEntitySlos(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntitySlosResponse>;
  /** Whether the entity may deploy now under its error-budget policy. */
  getDeployGate(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<DeployGateResponse>;
  /**
   * Prometheus recording and alerting rules for the entity's SLOs: the YAML
   * text of a rules file and the SLOs it leaves out, and why; `yaml` is
   * `null` when none of them could be exported.
   */
  getSloRules(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<SloRulesResponse>;

  /**
   * The stored readiness scorecard of one entity with the rubric and its
   * score history; says when the entity awaits evaluation or is out of scope.
   */
  getEntityScorecard(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityScorecardResponse>;
  /**
   * One page of the scorecards of every entity a group and its sub-groups
   * own (filtered and sorted by the backend), with the team's counts, level
   * distribution and trend. A string ref defaults to kind `group`.
   */
  getGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query?: GroupScorecardQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<GroupScorecardResponse>;
  /** Every row the query matches (all pages) as CSV text, with the failing checks named. */
  exportGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query?: GroupScorecardQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<string>;
  /** Teams ranked, the fleet's level distribution and the checks failing most. */
  getScorecardOverview(
    options?: ReliabilityRequestOptions,
  ): Promise<ScorecardOverviewResponse>;
  /**
   * What a change to the rubric's levels would do to the fleet, computed by
   * the backend from stored check results.
   */
  previewRubricChange(
    request: RubricPreviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<RubricPreviewResponse>;

  /**
   * The reliability report of the whole organisation over a period,
   * compared with the period before, with the twelve-month trend.
   */
  getOrganizationReport(
    query?: ReliabilityReportQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse>;
  /**
   * The reliability report of a group with its sub-groups. A string ref
   * defaults to kind `group`.
   */
  getGroupReport(
    groupRef: CompoundEntityRef | string,
    query?: ReliabilityReportQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse>;
  /**
   * Every service of the organisation's report (no `groupRef`) or of a
   * group's with its sub-groups, as CSV text: one row per mapped entity
   * the caller may see, with its figures over the period. The report
   * itself lists 25 services per section.
   */
  exportReportServices(
    scope: { groupRef?: CompoundEntityRef | string },
    query?: ReliabilityReportQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<string>;
  /** The reliability report of one entity. A string ref defaults to kind `component`. */
  getEntityReport(
    entityRef: CompoundEntityRef | string,
    query?: ReliabilityReportQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse>;
  /**
   * How sustainable on-call is for a group over the last 28 days: load per
   * rotation and person, night pages, noisy services.
   */
  getGroupOnCallHealth(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<OnCallHealthResponse>;

  /** The configured readiness review templates. */
  getReviewTemplates(
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewTemplatesResponse>;
  /**
   * The readiness reviews of one entity, the templates and stages a review
   * can be opened for, and whether the caller may open one.
   */
  getEntityReviews(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityReviewsResponse>;
  /** Opens a review of an entity for a stage; the caller becomes its DRI. */
  createReview(
    entityRef: CompoundEntityRef | string,
    request: CreateReviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** One review with its event log. */
  getReview(
    reviewId: string,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** The reviews board: one page of reviews under filters, with counts by state. */
  listReviews(
    query: ReviewListQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewListResponse>;

  /*
   * Review writes. Each carries the version of the review it was based on;
   * when the review changed since, they throw a ReviewConflictError
   * holding the current review. Refused input (400) and missing permission
   * (403) are thrown as ResponseError with the backend's message.
   */

  /** Answers (or changes the answer to) an attestation. */
  answerReviewItem(
    reviewId: string,
    itemId: string,
    request: AnswerItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** Confirms an attestation's `yes` again, restarting its expiry. */
  reaffirmReviewItem(
    reviewId: string,
    itemId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** A section reviewer waives an item, with a reason. */
  waiveReviewItem(
    reviewId: string,
    itemId: string,
    request: WaiveItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** Hands the review to its reviewers (`draft`/`changes-requested` → `in-review`). */
  submitReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** Signs a section off, as a member of its reviewer group. */
  signoffReviewSection(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** Sends the review back to its DRI with a comment on one section. */
  requestReviewChanges(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** Closes the review without approval, with a comment (final). */
  cancelReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse>;
  /** The review record as Markdown or JSON text, e.g. as evidence for an audit. */
  exportReview(
    reviewId: string,
    format: ReviewExportFormat,
    options?: ReliabilityRequestOptions,
  ): Promise<string>;
}

/**
 * Utility API reference for the {@link ReliabilityApi}.
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
