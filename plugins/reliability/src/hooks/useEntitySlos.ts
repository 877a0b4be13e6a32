import { useApi } from '@backstage/core-plugin-api';
import type {
  DeployGateResponse,
  EntitySlosResponse,
} from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { RequestState, useKeyedRequest } from './useKeyedRequest';

export type { RequestState } from './useKeyedRequest';

/**
 * Loads an entity's SLOs with their budgets, burn rates and problems.
 * `enabled: false` skips the request, e.g. for an entity that declares no
 * SLOs.
 * @public
 */
export function useEntitySlos(
  entityRef: string,
  enabled: boolean = true,
): RequestState<EntitySlosResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(
    entityRef,
    enabled ? signal => api.getEntitySlos(entityRef, { signal }) : undefined,
  );
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
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(
    entityRef,
    enabled ? signal => api.getDeployGate(entityRef, { signal }) : undefined,
  );
}
