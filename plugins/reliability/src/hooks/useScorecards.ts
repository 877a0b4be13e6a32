import { useApi } from '@backstage/core-plugin-api';
import type {
  EntityScorecardResponse,
  GroupScorecardQuery,
  GroupScorecardResponse,
  ScorecardOverviewResponse,
} from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { RequestState, useKeyedRequest } from './useKeyedRequest';

/** The key the fleet-wide overview is loaded under; it names no entity. */
const OVERVIEW_KEY = 'scorecards:overview';

/**
 * Loads an entity's stored readiness scorecard with its rubric and history.
 * @public
 */
export function useEntityScorecard(
  entityRef: string,
): RequestState<EntityScorecardResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(entityRef, signal =>
    api.getEntityScorecard(entityRef, { signal }),
  );
}

/**
 * Loads one page of the scorecards of every entity a group and its
 * sub-groups own, as the query filters, sorts and pages them (the backend
 * does the work). While another page or filter loads, the page on screen
 * stays (with `loading` set) so the table does not flash; a change of group
 * clears it. Superseded requests are aborted.
 * @public
 */
export function useGroupScorecards(
  groupRef: string,
  query: GroupScorecardQuery = {},
): RequestState<GroupScorecardResponse> {
  const api = useApi(reliabilityApiRef);
  // The query as part of the key: a new object with the same fields is no change.
  const key = `${groupRef} ${JSON.stringify(query)}`;
  return useKeyedRequest(
    key,
    signal => api.getGroupScorecards(groupRef, query, { signal }),
    { subject: groupRef },
  );
}

/**
 * Loads the organization-wide scorecard overview.
 * @public
 */
export function useScorecardOverview(): RequestState<ScorecardOverviewResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(OVERVIEW_KEY, signal =>
    api.getScorecardOverview({ signal }),
  );
}
