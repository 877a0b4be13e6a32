import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  EntityScorecardResponse,
  GroupScorecardQuery,
  GroupScorecardResponse,
  ScorecardOverviewResponse,
} from '@preflight/plugin-reliability-common';
import { type ReliabilityApi, reliabilityApiRef } from '../api';
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

type GroupLoad = Omit<RequestState<GroupScorecardResponse>, 'retry'>;

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
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<GroupLoad>({
    entityRef: groupRef,
    loading: true,
  });
  // The query as one dependency: a new object with the same fields is no change.
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    const keep = (previous: GroupLoad) =>
      previous.entityRef === groupRef ? previous.value : undefined;
    setLoad(previous => ({
      entityRef: groupRef,
      value: keep(previous),
      loading: true,
    }));
    api
      .getGroupScorecards(groupRef, JSON.parse(queryKey), {
        signal: controller.signal,
      })
      .then(
        value => {
          if (!controller.signal.aborted) {
            setLoad({ entityRef: groupRef, value, loading: false });
          }
        },
        error => {
          if (!controller.signal.aborted) {
            setLoad(previous => ({
              entityRef: groupRef,
              value: keep(previous),
              loading: false,
              error: error instanceof Error ? error : new Error(String(error)),
            }));
          }
        },
      );
    return () => controller.abort();
  }, [api, groupRef, queryKey, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const current: GroupLoad =
    load.entityRef === groupRef ? load : { entityRef: groupRef, loading: true };
  return { ...current, retry };
}

/**
 * Loads the organization-wide scorecard overview.
 * @public
 */
export function useScorecardOverview(): RequestState<ScorecardOverviewResponse> {
  return useKeyedRequest(OVERVIEW_KEY, true, requestOverview);
}
