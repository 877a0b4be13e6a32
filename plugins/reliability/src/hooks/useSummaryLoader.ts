import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { EntityReliabilitySummaryState } from './EntityReliabilitySummaryState';
import { requestSummaryOnce } from './requestSummaryOnce';

interface LoadState {
  entityRef: string;
  summary?: EntityReliabilitySummary;
  loading: boolean;
  error?: Error;
}

interface RefreshState {
  entityRef: string;
  refreshing: boolean;
  error?: Error;
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * Loads an entity's summary once per entity (and per retry), and runs
 * explicit refreshes. With `enabled` false it does nothing, so a card can
 * call it unconditionally and still use a shared summary instead.
 */
export function useSummaryLoader(
  entityRef: string,
  enabled: boolean,
): EntityReliabilitySummaryState {
  const api = useApi(reliabilityApiRef);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<LoadState>({ entityRef, loading: enabled });
  const [refreshState, setRefreshState] = useState<RefreshState>({
    entityRef,
    refreshing: false,
  });

  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    // Unmounting (or switching entity) only stops listening; the request
    // may be shared with another card.
    let listening = true;
    setLoad(previous => ({
      entityRef,
      // Keep what is on screen while reloading the same entity.
      summary: previous.entityRef === entityRef ? previous.summary : undefined,
      loading: true,
    }));
    requestSummaryOnce(api, entityRef).then(
      summary => {
        if (listening) {
          setLoad({ entityRef, summary, loading: false });
        }
      },
      error => {
        if (listening) {
          setLoad(previous => ({
            entityRef,
            summary:
              previous.entityRef === entityRef ? previous.summary : undefined,
            loading: false,
            error: toError(error),
          }));
        }
      },
    );
    return () => {
      listening = false;
    };
  }, [api, entityRef, enabled, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);

  const refresh = useCallback(async () => {
    setRefreshState({ entityRef, refreshing: true });
    try {
      const response = await api.refreshEntity(entityRef);
      setLoad({ entityRef, summary: response.summary, loading: false });
      setRefreshState({ entityRef, refreshing: false });
    } catch (error) {
      setRefreshState({ entityRef, refreshing: false, error: toError(error) });
    }
  }, [api, entityRef]);

  const dismissRefreshError = useCallback(
    () => setRefreshState({ entityRef, refreshing: false }),
    [entityRef],
  );

  const current: LoadState =
    load.entityRef === entityRef ? load : { entityRef, loading: enabled };
  const currentRefresh: RefreshState =
    refreshState.entityRef === entityRef
      ? refreshState
      : { entityRef, refreshing: false };

  return {
    entityRef,
    summary: current.summary,
    loading: current.loading,
    error: current.error,
    retry,
    refresh,
    refreshing: currentRefresh.refreshing,
    refreshError: currentRefresh.error,
    dismissRefreshError,
  };
}
