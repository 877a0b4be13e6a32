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
  ReliabilityApiPaths,
} from '@preflight/plugin-reliability-common';
import {
  ReliabilityApi,
  ReliabilityReportQuery,
  ReliabilityRequestOptions,
  ReviewExportFormat,
} from './ReliabilityApi';
import { ReviewConflictError } from './ReviewConflictError';

type Method = 'GET' | 'POST' | 'PUT';

// The requests and answers of the client are typed by the OpenAPI spec's
// generated `paths`: a template and a method name one documented operation,
// whose path parameters, JSON body and success answer are the spec's.
type ApiPathTemplate = keyof ReliabilityApiPaths;
type ApiMethod<P extends ApiPathTemplate> = {
  [M in 'get' | 'post' | 'put']: ReliabilityApiPaths[P][M] extends never
    ? never
    : ReliabilityApiPaths[P][M] extends undefined
    ? never
    : M;
}['get' | 'post' | 'put'];
type ApiOperation<
  P extends ApiPathTemplate,
  M extends ApiMethod<P>,
> = NonNullable<ReliabilityApiPaths[P][M]>;
type ApiPathParams<P extends ApiPathTemplate> =
  ReliabilityApiPaths[P]['parameters'] extends { path: infer Params }
    ? Params
    : Record<string, never>;
type ApiJsonBody<Op> = Op extends { requestBody?: infer RequestBody }
  ? [NonNullable<RequestBody>] extends [never]
    ? never
    : NonNullable<RequestBody> extends {
        content: { 'application/json': infer Body };
      }
    ? Body
    : never
  : never;
type ApiAnswer<
  P extends ApiPathTemplate,
  M extends ApiMethod<P>,
> = ApiOperation<P, M> extends { responses: infer Responses }
  ? {
      [Status in keyof Responses]: Status extends 200 | 201
        ? Responses[Status] extends {
            content: { 'application/json': infer Body };
          }
          ? Body
          : never
        : never;
    }[keyof Responses]
  : never;
/** Path parameters, query string and JSON body of one call. */
type ApiRequest<P extends ApiPathTemplate, M extends ApiMethod<P>> = {
  query?: string;
} & (ApiPathParams<P> extends Record<string, never>
  ? { path?: never }
  : { path: ApiPathParams<P> }) &
  ([ApiJsonBody<ApiOperation<P, M>>] extends [never]
    ? { body?: never }
    : { body: ApiJsonBody<ApiOperation<P, M>> });

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
    return this.#json(
      'get',
      '/entities/{kind}/{namespace}/{name}/summary',
      { path: entityParams(entityRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  async refreshEntity(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<RefreshEntityResponse> {
    return this.#json(
      'post',
      '/entities/{kind}/{namespace}/{name}/refresh',
      { path: entityParams(entityRef) },
      this.#refreshTimeoutMs,
      options,
    );
  }

  async getSourcesHealth(
    options?: ReliabilityRequestOptions,
  ): Promise<SourcesHealthResponse> {
    return this.#json('get', '/health', {}, this.#readTimeoutMs, options);
  }

  async getGroupOnCall(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<GroupOnCallResponse> {
    return this.#json(
      'get',
      '/groups/{namespace}/{name}/on-call',
      { path: groupParams(groupRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getEntitySlos(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntitySlosResponse> {
    return this.#json(
      'get',
      '/entities/{kind}/{namespace}/{name}/slos',
      { path: entityParams(entityRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getDeployGate(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<DeployGateResponse> {
    return this.#json(
      'get',
      '/entities/{kind}/{namespace}/{name}/deploy-gate',
      { path: entityParams(entityRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getSloRules(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<SloRulesResponse> {
    try {
      return await this.#json(
        'get',
        '/entities/{kind}/{namespace}/{name}/slo-rules',
        { path: entityParams(entityRef) },
        this.#readTimeoutMs,
        options,
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
    return this.#json(
      'get',
      '/entities/{kind}/{namespace}/{name}/scorecard',
      { path: entityParams(entityRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query: GroupScorecardQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<GroupScorecardResponse> {
    return this.#json(
      'get',
      '/groups/{namespace}/{name}/scorecards',
      {
        path: groupParams(groupRef, 'Team scorecards'),
        query: teamScorecardSearch(query, true),
      },
      this.#readTimeoutMs,
      options,
    );
  }

  async exportGroupScorecards(
    groupRef: CompoundEntityRef | string,
    query: GroupScorecardQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<string> {
    const response = await this.#send(
      'GET',
      apiPath(
        '/groups/{namespace}/{name}/scorecards/export',
        groupParams(groupRef, 'Team scorecards'),
        teamScorecardSearch(query, false),
      ),
      this.#readTimeoutMs,
      options?.signal,
      'text/csv',
    );
    return response.text();
  }

  async getScorecardOverview(
    options?: ReliabilityRequestOptions,
  ): Promise<ScorecardOverviewResponse> {
    return this.#json(
      'get',
      '/scorecards/overview',
      {},
      this.#readTimeoutMs,
      options,
    );
  }

  async previewRubricChange(
    request: RubricPreviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<RubricPreviewResponse> {
    return this.#json(
      'post',
      '/scorecards/preview',
      { body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async getOrganizationReport(
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse> {
    return this.#json(
      'get',
      '/reports/organization',
      { query: reportSearch(query) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getGroupReport(
    groupRef: CompoundEntityRef | string,
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<ReliabilityReportResponse> {
    return this.#json(
      'get',
      '/reports/groups/{namespace}/{name}',
      {
        path: groupParams(groupRef, 'A team reliability report'),
        query: reportSearch(query),
      },
      this.#readTimeoutMs,
      options,
    );
  }

  async exportReportServices(
    scope: { groupRef?: CompoundEntityRef | string },
    query: ReliabilityReportQuery = {},
    options?: ReliabilityRequestOptions,
  ): Promise<string> {
    const search = reportSearch(query);
    const path = scope.groupRef
      ? apiPath(
          '/reports/groups/{namespace}/{name}/services.csv',
          groupParams(scope.groupRef, 'A team reliability report'),
          search,
        )
      : apiPath('/reports/organization/services.csv', {}, search);
    const response = await this.#send(
      'GET',
      path,
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
    return this.#json(
      'get',
      '/reports/entities/{kind}/{namespace}/{name}',
      { path: entityParams(entityRef), query: reportSearch(query) },
      this.#readTimeoutMs,
      options,
    );
  }

  async getGroupOnCallHealth(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<OnCallHealthResponse> {
    return this.#json(
      'get',
      '/groups/{namespace}/{name}/on-call-health',
      { path: groupParams(groupRef, 'On-call health') },
      this.#readTimeoutMs,
      options,
    );
  }

  async getReviewTemplates(
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewTemplatesResponse> {
    return this.#json(
      'get',
      '/review-templates',
      {},
      this.#readTimeoutMs,
      options,
    );
  }

  async getEntityReviews(
    entityRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<EntityReviewsResponse> {
    return this.#json(
      'get',
      '/entities/{kind}/{namespace}/{name}/reviews',
      { path: entityParams(entityRef) },
      this.#readTimeoutMs,
      options,
    );
  }

  // Review writes touch only the backend's database: the read deadline fits.

  async createReview(
    entityRef: CompoundEntityRef | string,
    request: CreateReviewRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/entities/{kind}/{namespace}/{name}/reviews',
      { path: entityParams(entityRef), body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async getReview(
    reviewId: string,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'get',
      '/reviews/{id}',
      { path: { id: reviewId } },
      this.#readTimeoutMs,
      options,
    );
  }

  async listReviews(
    query: ReviewListQuery,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewListResponse> {
    return this.#json(
      'get',
      '/reviews',
      { query: reviewListSearch(query) },
      this.#readTimeoutMs,
      options,
    );
  }

  async answerReviewItem(
    reviewId: string,
    itemId: string,
    request: AnswerItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'put',
      '/reviews/{id}/items/{itemId}/answer',
      { path: { id: reviewId, itemId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async reaffirmReviewItem(
    reviewId: string,
    itemId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/items/{itemId}/reaffirm',
      { path: { id: reviewId, itemId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async waiveReviewItem(
    reviewId: string,
    itemId: string,
    request: WaiveItemRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/items/{itemId}/waive',
      { path: { id: reviewId, itemId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async submitReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/submit',
      { path: { id: reviewId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async signoffReviewSection(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/sections/{sectionId}/signoff',
      { path: { id: reviewId, sectionId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async requestReviewChanges(
    reviewId: string,
    sectionId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/sections/{sectionId}/request-changes',
      { path: { id: reviewId, sectionId }, body: request },
      this.#readTimeoutMs,
      options,
    );
  }

  async cancelReview(
    reviewId: string,
    request: ReviewActionRequest,
    options?: ReliabilityRequestOptions,
  ): Promise<ReviewResponse> {
    return this.#json(
      'post',
      '/reviews/{id}/cancel',
      { path: { id: reviewId }, body: request },
      this.#readTimeoutMs,
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
      apiPath('/reviews/{id}/export', { id: reviewId }, `format=${format}`),
      this.#readTimeoutMs,
      options?.signal,
      format === 'json' ? 'application/json' : 'text/markdown, text/plain',
    );
    return response.text();
  }

  /**
   * Calls the operation the spec documents at `template` with `method` and
   * answers its JSON, typed by the spec's success response.
   */
  async #json<P extends ApiPathTemplate, M extends ApiMethod<P>>(
    method: M,
    template: P,
    request: ApiRequest<P, M>,
    timeoutMs: number,
    options: ReliabilityRequestOptions | undefined,
  ): Promise<ApiAnswer<P, M>> {
    const { path, query, body } = request as {
      path?: Record<string, string>;
      query?: string;
      body?: unknown;
    };
    const response = await this.#send(
      method.toUpperCase() as Method,
      apiPath(template, (path ?? {}) as ApiPathParams<P>, query),
      timeoutMs,
      options?.signal,
      'application/json',
      body,
    );
    return (await response.json()) as ApiAnswer<P, M>;
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
 * A report's period as a query string, or nothing for the backend's
 * default, the last whole calendar month.
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
  return search.toString();
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

function entityParams(entityRef: CompoundEntityRef | string): {
  kind: string;
  namespace: string;
  name: string;
} {
  const ref =
    typeof entityRef === 'string'
      ? parseEntityRef(entityRef, { defaultKind: 'component' })
      : entityRef;
  // Kinds are case-insensitive in the catalog; send them the way
  // stringifyEntityRef writes them so the backend sees one spelling.
  const kind = ref.kind.toLocaleLowerCase('en-US');
  return { kind, namespace: ref.namespace || 'default', name: ref.name };
}

function groupParams(
  groupRef: CompoundEntityRef | string,
  feature: string = 'Team on-call',
): { namespace: string; name: string } {
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
  return { namespace: ref.namespace || 'default', name: ref.name };
}

/**
 * The URL path of a documented operation: the spec's template with each
 * `{parameter}` URL-encoded, then the query string, if any.
 */
function apiPath<P extends ApiPathTemplate>(
  template: P,
  params: ApiPathParams<P>,
  query?: string,
): string {
  const values = params as Record<string, string>;
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values[name]),
  );
  return query ? `${path}?${query}` : path;
}
