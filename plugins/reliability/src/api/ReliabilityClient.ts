import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  DeployGateResponse,
  EntityReliabilitySummary,
  EntityScorecardResponse,
  EntitySlosResponse,
  GroupOnCallResponse,
  GroupScorecardResponse,
  RefreshEntityResponse,
  RubricPreviewRequest,
  RubricPreviewResponse,
  ScorecardOverviewResponse,
  SourcesHealthResponse,
  SloRulesResponse,
} from '@preflight/plugin-reliability-common';
import { ReliabilityApi, ReliabilityRequestOptions } from './ReliabilityApi';

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
    options?: ReliabilityRequestOptions,
  ): Promise<GroupScorecardResponse> {
    return this.#request<GroupScorecardResponse>(
      'GET',
      `${groupPath(groupRef, 'Team scorecards')}/scorecards`,
      this.#readTimeoutMs,
      options?.signal,
    );
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

  async #request<T>(
    method: 'GET' | 'POST',
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
    method: 'GET' | 'POST',
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
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
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
