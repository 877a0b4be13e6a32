import { useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type {
  DeployGateResponse,
  EntitySlosResponse,
} from '@preflight/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../api';

/**
 * One request's state as a component sees it.
 * @public
 */
export interface RequestState<T> {
  /** The entity the state belongs to, e.g. `component:default/checkout-api`. */
  entityRef: string;
  value?: T;
  loading: boolean;
  error?: Error;
  /** Loads again (after an error, for example). */
  retry(): void;
}

type Load<T> = Omit<RequestState<T>, 'retry'>;

// One shape for both SLO requests: load once per entity and retry, abort
// when the entity changes or the card unmounts, keep what is on screen
// while reloading the same entity.
function useEntityRequest<T>(
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

function requestSlos(
  api: ReliabilityApi,
  entityRef: string,
  signal: AbortSignal,
) {
  return api.getEntitySlos(entityRef, { signal });
}

function requestDeployGate(
  api: ReliabilityApi,
  entityRef: string,
  signal: AbortSignal,
) {
  return api.getDeployGate(entityRef, { signal });
}

/**
 * Loads an entity's SLOs with their budgets, burn rates and problems.
 * @public
 */
export function useEntitySlos(
  entityRef: string,
): RequestState<EntitySlosResponse> {
  return useEntityRequest(entityRef, true, requestSlos);
}

/**
 * Loads whether an entity may deploy now. `enabled: false` skips the
 * request, e.g. for an entity that declares no SLOs.
 * @public
 */
export function useDeployGate(
  entityRef: string,
  enabled: boolean,
): RequestState<DeployGateResponse> {
  return useEntityRequest(entityRef, enabled, requestDeployGate);
}
