import type {
  DeployGateResponse,
  EntitySlosResponse,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityApi } from '../api';
import { useKeyedRequest } from './useKeyedRequest';

/**
 * One request's state as a component sees it.
 * @public
 */
export interface RequestState<T> {
  /** The entity or group the state belongs to, e.g. `component:default/checkout-api`. */
  entityRef: string;
  value?: T;
  loading: boolean;
  error?: Error;
  /** Loads again (after an error, for example). */
  retry(): void;
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
 * `enabled: false` skips the request, e.g. for an entity that declares no
 * SLOs.
 * @public
 */
export function useEntitySlos(
  entityRef: string,
  enabled: boolean = true,
): RequestState<EntitySlosResponse> {
  return useKeyedRequest(entityRef, enabled, requestSlos);
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
  return useKeyedRequest(entityRef, enabled, requestDeployGate);
}
