import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  EntityReliabilitySummary,
  RefreshEntityResponse,
  SourcesHealthResponse,
} from '@preflight/plugin-reliability-common';

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
}

/**
 * Utility API reference for the {@link ReliabilityApi}.
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
