import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
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
  SloRulesResponse,
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
   * The scorecards of every entity a group and its sub-groups own, with the
   * level distribution and its trend. A string ref defaults to kind `group`.
   */
  getGroupScorecards(
    groupRef: CompoundEntityRef | string,
    options?: ReliabilityRequestOptions,
  ): Promise<GroupScorecardResponse>;
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
}

/**
 * Utility API reference for the {@link ReliabilityApi}.
 * @public
 */
export const reliabilityApiRef = createApiRef<ReliabilityApi>({
  id: 'plugin.reliability.api',
});
