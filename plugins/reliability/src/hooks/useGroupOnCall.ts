import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { GroupOnCallResponse } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';

/**
 * A group's on-call overview as a component sees it.
 * @public
 */
export interface GroupOnCallState {
  /** The group the state belongs to, e.g. `group:default/team-payments`. */
  groupRef: string;
  response?: GroupOnCallResponse;
  loading: boolean;
  error?: Error;
  /** Loads the overview again (after an error, for example). */
  retry(): void;
}

interface LoadState {
  groupRef: string;
  response?: GroupOnCallResponse;
  loading: boolean;
  error?: Error;
}

/**
 * Loads the on-call overview of a group once per group (and per retry).
 * Leaving the page or switching group aborts the request.
 * @public
 */
export function useGroupOnCall(groupRef: string): GroupOnCallState {
  const api = useApi(reliabilityApiRef);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<LoadState>({ groupRef, loading: true });

  useEffect(() => {
    const controller = new AbortController();
    setLoad(previous => ({
      groupRef,
      // Keep what is on screen while reloading the same group.
      response: previous.groupRef === groupRef ? previous.response : undefined,
      loading: true,
    }));
    api.getGroupOnCall(groupRef, { signal: controller.signal }).then(
      response => {
        if (!controller.signal.aborted) {
          setLoad({ groupRef, response, loading: false });
        }
      },
      error => {
        if (!controller.signal.aborted) {
          setLoad(previous => ({
            groupRef,
            response:
              previous.groupRef === groupRef ? previous.response : undefined,
            loading: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        }
      },
    );
    return () => controller.abort();
  }, [api, groupRef, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const current: LoadState =
    load.groupRef === groupRef ? load : { groupRef, loading: true };
  return { ...current, retry };
}
