import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  Review,
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
import {
  ReliabilityApi,
  ReliabilityReportQuery,
  ReliabilityRequestOptions,
  ReviewExportFormat,
} from './ReliabilityApi';
import { ReviewConflictError } from './ReviewConflictError';

type Method = 'GET' | 'POST' | 'PUT';

/** Reads are served from the backend's database, so they should be quick. */
const DEFAULT_READ_TIMEOUT_MS = 30_000;
/** A refresh calls upstream sources, which may be slow or rate limited. */
const DEFAULT_REFRESH_TIMEOUT_MS = 60_000;

/**
 * Options for {@link ReliabilityClient}.
 * @public
 */
export interface ReliabilityClientOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Deadline of read requests, in milliseconds. Defaults to 30 s. */
  readTimeoutMs?: number;
  /** Deadline of refresh requests, in milliseconds. Defaults to 60 s. */
  refreshTimeoutMs?: number;
}

/**
 * {@link ReliabilityApi} over HTTP, using the app's discovery and
 * authenticated fetch.
 * @public
 */
export class ReliabilityClient implements ReliabilityApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;
  readonly #readTimeoutMs: number;
  readonly #refreshTimeoutMs: number;

  constructor(options: ReliabilityClientOptions) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
    this.#readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
    this.#refreshTimeoutMs =
      options.refreshTimeoutMs ?? DEFAULT_REFRESH_TIMEOUT_MS;
  }

  async getEntitySummary(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityReliabilitySummary> {
    return this.#request<EntityReliabilitySummary>(
      'GET',
      `${entityPath(entityRef)}/summary`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async refreshEntity(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<RefreshEntityResponse> {
    return this.#request<RefreshEntityResponse>(
      'POST',
      `${entityPath(entityRef)}/refresh`,
      this.#refreshTimeoutMs,
      options?.signal,
    );
  }

  async getSourcesHealth(
    options?: ReliabilityRequestOptions,
  ): Promise<SourcesHealthResponse> {
    return this.#request<SourcesHealthResponse>(
      'GET',
      '/health',
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getGroupOnCall(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<GroupOnCallResponse> {
    return this.#request<GroupOnCallResponse>(
      'GET',
      `${groupPath(groupRef)}/on-call`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getEntitySlos(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntitySlosResponse> {
    return this.#request<EntitySlosResponse>(
      'GET',
      `${entityPath(entityRef)}/slos`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getDeployGate(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<DeployGateResponse> {
    return this.#request<DeployGateResponse>(
      'GET',
      `${entityPath(entityRef)}/deploy-gate`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getSloRules(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<SloRulesResponse> {
    try {
      return await this.#request<SloRulesResponse>(
        'GET',
        `${entityPath(entityRef)}/slo-rules`,
        this.#readTimeoutMs,
        options?.signal,
      );
    } catch (error) {
      // 422: nothing could be exported; the answer says why for each SLO.
      if (error instanceof ResponseError && error.statusCode === 422) {
        const body = error.body as unknown as {
          problems?: SloRulesResponse['problems'];
        };
        return {
          entityRef: stringifyEntityRef(
            typeof entityRef === 'string'
              ? parseEntityRef(entityRef, { defaultKind: 'component' })
              : entityRef,
          ),
          fileName: '',
          yaml: null,
          problems: body.problems ?? [],
        };
      }
      throw error;
    }
  }

  async getEntityScorecard(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityScorecardResponse> {
    return this.#request<EntityScorecardResponse>(
      'GET',
      `${entityPath(entityRef)}/scorecard`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query: GroupScorecardQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<GroupScorecardResponse> {
    const search = teamScorecardSearch(query, true);
    return this.#request<GroupScorecardResponse>(
      'GET',
      `${groupPath(groupRef, 'Team scorecards')}/scorecards${
        search ? `?${search}` : ''
      }`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async exportGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query: GroupScorecardQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<string> {
    const search = teamScorecardSearch(query, false);
    const response = await this.#send(
      'GET',
      `${groupPath(groupRef, 'Team scorecards')}/scorecards/export${
        search ? `?${search}` : ''
      }`,
      this.#readTimeoutMs,
      options?.signal,
      'text/csv',
    );
    return response.text();
  }

  async getScorecardOverview(
    options?: ReliabilityRequestOptions,
  ): Promise<ScorecardOverviewResponse> {
    return this.#request<ScorecardOverviewResponse>(
      'GET',
      '/scorecards/overview',
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async previewRubricChange(
    request: RubricPreviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<RubricPreviewResponse> {
    return this.#request<RubricPreviewResponse>(
      'POST',
      '/scorecards/preview',
      this.#readTimeoutMs,
      options?.signal,
      request,
    );
  }

  async getOrganizationReport(
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse> {
    return this.#request<ReliabilityReportResponse>(
      'GET',
      `/reports/organization${reportSearch(query)}`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getGroupReport(
    groupRef: CompoundEntityRef | string,
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse> {
    return this.#request<ReliabilityReportResponse>(
      'GET',
      `/reports${groupPath(
        groupRef,
        'A team reliability report',
      )}${reportSearch(query)}`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async exportReportServices(
    scope: { groupRef?: CompoundEntityRef | string },
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<string> {
    const base = scope.groupRef
      ? `/reports${groupPath(scope.groupRef, 'A team reliability report')}`
      : '/reports/organization';
    const response = await this.#send(
      'GET',
      `${base}/services.csv${reportSearch(query)}`,
      this.#readTimeoutMs,
      options?.signal,
      'text/csv',
    );
    // The file is written with a byte-order mark for spreadsheets; the
    // caller saves the text and adds its own.
    return (await response.text()).replace(/^\uFEFF/, '');
  }

  async getEntityReport(
    entityRef: CompoundEntityRef | string,
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse> {
    return this.#request<ReliabilityReportResponse>(
      'GET',
      `/reports${entityPath(entityRef)}${reportSearch(query)}`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getGroupOnCallHealth(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<OnCallHealthResponse> {
    return this.#request<OnCallHealthResponse>(
      'GET',
      `${groupPath(groupRef, 'On-call health')}/on-call-health`,
      this.#readTimeoutMs,
      options?.signal,
    );
  }

  async getReviewTemplates(
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewTemplatesResponse> {
    return this.#read('/review-templates', options);
  }

  async getEntityReviews(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityReviewsResponse> {
    return this.#read(`${entityPath(entityRef)}/reviews`, options);
  }

  async createReview(
    entityRef: CompoundEntityRef | string,
    request: CreateReviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${entityPath(entityRef)}/reviews`,
      request,
      options,
    );
  }

  async getReview(
    reviewId: string,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#read(reviewPath(reviewId), options);
  }

  async listReviews(
    query: ReviewListQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewListResponse> {
    const search = reviewListSearch(query);
    return this.#read(`/reviews${search ? `?${search}` : ''}`, options);
  }

  async answerReviewItem(
    reviewId: string,
    itemId: string,
    request: AnswerItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'PUT',
      `${reviewPath(reviewId)}/items/${encodeURIComponent(itemId)}/answer`,
      request,
      options,
    );
  }

  async reaffirmReviewItem(
    reviewId: string,
    itemId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/items/${encodeURIComponent(itemId)}/reaffirm`,
      request,
      options,
    );
  }

  async waiveReviewItem(
    reviewId: string,
    itemId: string,
    request: WaiveItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/items/${encodeURIComponent(itemId)}/waive`,
      request,
      options,
    );
  }

  async submitReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/submit`,
      request,
      options,
    );
  }

  async signoffReviewSection(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/sections/${encodeURIComponent(
        sectionId,
      )}/signoff`,
      request,
      options,
    );
  }

  async requestReviewChanges(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/sections/${encodeURIComponent(
        sectionId,
      )}/request-changes`,
      request,
      options,
    );
  }

  async cancelReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#write(
      'POST',
      `${reviewPath(reviewId)}/cancel`,
      request,
      options,
    );
  }

  async exportReview(
    reviewId: string,
    format: ReviewExportFormat,
    options?: ReliabilityRequestOptions,
  ): Promise<string> {
    const response = await this.#send(
      'GET',
      `${reviewPath(reviewId)}/export?format=${format}`,
      this.#readTimeoutMs,
      options?.signal,
      format === 'json' ? 'application/json' : 'text/markdown, text/plain',
    );
    return response.text();
  }

  #read<T>(path: string, options?: ReliabilityRequestOptions): Promise<T> {
    return this.#request<T>('GET', path, this.#readTimeoutMs, options?.signal);
  }

  /** Review writes touch only the backend's database: the read deadline fits. */
  #write<T>(
    method: Method,
    path: string,
    body: unknown,
    options?: ReliabilityRequestOptions,
  ): Promise<T> {
    return this.#request<T>(
      method,
      path,
      this.#readTimeoutMs,
      options?.signal,
      body,
    );
  }

  async #request<T>(
    method: Method,
    path: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    body?: unknown,
  ): Promise<T> {
    const response = await this.#send(
      method,
      path,
      timeoutMs,
      callerSignal,
      'application/json',
      body,
    );
    return (await response.json()) as T;
  }

  async #send(
    method: Method,
    path: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
    accept: string,
    body?: unknown,
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('reliability');
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal
      ? AbortSignal.any([callerSignal, deadline])
      : deadline;
    let response: Response;
    try {
      response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
        method,
        headers:
          body === undefined
            ? { Accept: accept }
            : { Accept: accept, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      // Name the deadline instead of surfacing a bare "TimeoutError".
      if (deadline.aborted && !callerSignal?.aborted) {
        throw new Error(
          `The reliability backend did not answer ${method} ${path} within ${Math.round(
            timeoutMs / 1000,
          )} s`,
        );
      }
      throw error;
    }
    if (response.status === 409) {
      throw await conflictError(response);
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

/**
 * A 409 that carries the current review becomes a ReviewConflictError, so
 * the page can show that review; any other 409 stays a ResponseError.
 */
async function conflictError(response: Response): Promise<Error> {
  let body: { error?: { message?: unknown }; review?: unknown } | undefined;
  try {
    body = await response.clone().json();
  } catch {
    body = undefined;
  }
  const review = body?.review;
  if (typeof review === 'object' && review !== null && 'id' in review) {
    const message =
      typeof body?.error?.message === 'string'
        ? body.error.message
        : 'The review was changed by someone else';
    return new ReviewConflictError(message, review as Review);
  }
  return ResponseError.fromResponse(response);
}

/**
 * The team view's query as a query string: unset filters are left out;
 * paging only when asked for (the export has none).
 */
function teamScorecardSearch(
  query: GroupScorecardQuery,
  paging: boolean,
): string {
  const search = new URLSearchParams();
  const fields: Array<[string, string | number | boolean | undefined]> = [
    ['search', query.search?.trim()],
    ['level', query.level],
    ['owner', query.owner],
    ['failing', query.failing || undefined],
    ['check', query.check],
    ['tier', query.tier],
    ['lifecycle', query.lifecycle],
    ['sort', query.sort],
    ['direction', query.direction],
    ...(paging
      ? ([
          ['offset', query.offset],
          ['limit', query.limit],
        ] as Array<[string, number | undefined]>)
      : []),
  ];
  for (const [name, value] of fields) {
    if (value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  return search.toString();
}

/**
 * A report's period as a query string (with its leading `?`), or nothing
 * for the backend's default, the last whole calendar month.
 */
function reportSearch(query: ReliabilityReportQuery): string {
  const search = new URLSearchParams();
  const fields: Array<[string, string | undefined]> = [
    ['month', query.month],
    ['from', query.from],
    ['to', query.to],
    ['timeZone', query.timeZone],
  ];
  for (const [name, value] of fields) {
    if (value !== undefined && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function reviewPath(reviewId: string): string {
  return `/reviews/${encodeURIComponent(reviewId)}`;
}

/**
 * The board's filters as a query string: unset filters are left out, each
 * state is its own `state` parameter.
 */
function reviewListSearch(query: ReviewListQuery): string {
  const search = new URLSearchParams();
  for (const state of query.state ?? []) {
    search.append('state', state);
  }
  const single: Array<[string, string | number | boolean | undefined]> = [
    ['stage', query.stage],
    ['team', query.team],
    ['reviewerGroup', query.reviewerGroup],
    ['waitingOnMe', query.waitingOnMe || undefined],
    ['overdue', query.overdue || undefined],
    ['q', query.q],
    ['page', query.page],
    ['pageSize', query.pageSize],
  ];
  for (const [name, value] of single) {
    if (value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  return search.toString();
}

function entityPath(entityRef: CompoundEntityRef | string): string {
  const ref =
    typeof entityRef === 'string'
      ? parseEntityRef(entityRef, { defaultKind: 'component' })
      : entityRef;
  // Kinds are case-insensitive in the catalog; send them the way
  // stringifyEntityRef writes them so the backend sees one spelling.
  const kind = ref.kind.toLocaleLowerCase('en-US');
  const namespace = ref.namespace || 'default';
  return `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(ref.name)}`;
}

function groupPath(
  groupRef: CompoundEntityRef | string,
  feature: string = 'Team on-call',
): string {
  const ref =
    typeof groupRef === 'string'
      ? parseEntityRef(groupRef, { defaultKind: 'group' })
      : groupRef;
  // Fail here rather than ask the backend about a component as a group.
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new TypeError(
      `${feature} needs a group, not a ${ref.kind} (${ref.kind}:${
        ref.namespace || 'default'
      }/${ref.name})`,
    );
  }
  return `/groups/${encodeURIComponent(
    ref.namespace || 'default',
  )}/${encodeURIComponent(ref.name)}`;
}
