import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ReliabilityApi, reliabilityApiRef } from '../api';
import type { RequestState } from './useEntitySlos';

type Load<T> = Omit<RequestState<T>, 'retry'>;

/**
 * One shape for every read of the reliability API: load once per key (an
 * entity or group ref) and per retry, abort when the key changes or the
 * component unmounts, keep what is on screen while reloading the same key.
 * `request` must be a module-level function: it is not a dependency.
 */
export function useKeyedRequest<T>(
  entityRef: string,
  enabled: boolean,
  request: (
    api: ReliabilityApi,
    entityRef: string,
    signal: AbortSignal,
  ) => Promise<T>,
): RequestState<T> {
  const api = useApi(reliabilityApiRef);
  const [attempt, setAttempt] = useState(0);
  const [load, setLoad] = useState<Load<T>>({ entityRef, loading: enabled });

  useEffect(() => {
    if (!enabled) {
      setLoad({ entityRef, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setLoad(previous => ({
      entityRef,
      value: previous.entityRef === entityRef ? previous.value : undefined,
      loading: true,
    }));
    request(api, entityRef, controller.signal).then(
      value => {
        if (!controller.signal.aborted) {
          setLoad({ entityRef, value, loading: false });
        }
      },
      error => {
        if (!controller.signal.aborted) {
          setLoad(previous => ({
            entityRef,
            value:
              previous.entityRef === entityRef ? previous.value : undefined,
            loading: false,
            error: error instanceof Error ? error : new Error(String(error)),
          }));
        }
      },
    );
    return () => controller.abort();
    // `request` is a module-level function in every caller below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityRef, enabled, attempt]);

  const retry = useCallback(() => setAttempt(n => n + 1), []);
  const current: Load<T> =
    load.entityRef === entityRef ? load : { entityRef, loading: enabled };
  return { ...current, retry };
}
