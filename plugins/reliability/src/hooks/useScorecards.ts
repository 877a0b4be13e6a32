import type {
  EntityScorecardResponse,
  GroupScorecardResponse,
  ScorecardOverviewResponse,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityApi } from '../api';
import type { RequestState } from './useEntitySlos';
import { useKeyedRequest } from './useKeyedRequest';

/** The key the fleet-wide overview is loaded under; it names no entity. */
const OVERVIEW_KEY = 'scorecards:overview';

function requestEntityScorecard(
  api: ReliabilityApi,
  entityRef: string,
  signal: AbortSignal,
) {
  return api.getEntityScorecard(entityRef, { signal });
}

function requestGroupScorecards(
  api: ReliabilityApi,
  groupRef: string,
  signal: AbortSignal,
) {
  return api.getGroupScorecards(groupRef, { signal });
}

function requestOverview(
  api: ReliabilityApi,
  _key: string,
  signal: AbortSignal,
) {
  return api.getScorecardOverview({ signal });
}

/**
 * Loads an entity's stored readiness scorecard with its rubric and history.
 * @public
 */
export function useEntityScorecard(
  entityRef: string,
): RequestState<EntityScorecardResponse> {
  return useKeyedRequest(entityRef, true, requestEntityScorecard);
}

/**
 * Loads the scorecards of every entity a group and its sub-groups own.
 * @public
 */
export function useGroupScorecards(
  groupRef: string,
): RequestState<GroupScorecardResponse> {
  return useKeyedRequest(groupRef, true, requestGroupScorecards);
}

/**
 * Loads the organization-wide scorecard overview.
 * @public
 */
export function useScorecardOverview(): RequestState<ScorecardOverviewResponse> {
  return useKeyedRequest(OVERVIEW_KEY, true, requestOverview);
}
