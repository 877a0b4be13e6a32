import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { reliabilityApiRef } from '../api';
import { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';
import { requestSummaryOnce } from './requestSummaryOnce';
import { useKeyedRequest } from './useKeyedRequest';

interface RefreshState {
  entityRef: string;
  refreshing: boolean;
  error?: Error;
}

/**
 * An entity's summary: loaded once per entity (and per retry), and
 * replaced by the answer of an explicit refresh. With `enabled` false it
 * loads nothing, so a card can call it unconditionally and still use a
 * shared summary instead.
 */
export function useSummaryWithRefresh(
  entityRef: string,
  enabled: boolean,
): EntityReliabilitySummaryState {
  const api = useApi(reliabilityApiRef);
  // The request may be shared with another card: aborting this card's
  // signal (unmounting, switching entity) only stops it listening.
  const load = useKeyedRequest(
    entityRef,
    enabled ? () => requestSummaryOnce(api, entityRef) : undefined,
  );
  const { replace } = load;
  const [refreshState, setRefreshState] = useState<RefreshState>({
    entityRef,
    refreshing: false,
  });

  const refresh = useCallback(async () => {
    setRefreshState({ entityRef, refreshing: true });
    try {
      const response = await api.refreshEntity(entityRef);
      replace(response.summary);
      setRefreshState({ entityRef, refreshing: false });
    } catch (error) {
      setRefreshState({
        entityRef,
        refreshing: false,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }, [api, entityRef, replace]);

  const dismissRefreshError = useCallback(
    () => setRefreshState({ entityRef, refreshing: false }),
    [entityRef],
  );

  const currentRefresh: RefreshState =
    refreshState.entityRef === entityRef
      ? refreshState
      : { entityRef, refreshing: false };

  return {
    entityRef,
    summary: load.value,
    loading: load.loading,
    error: load.error,
    retry: load.retry,
    refresh,
    refreshing: currentRefresh.refreshing,
    refreshError: currentRefresh.error,
    dismissRefreshError,
  };
}
