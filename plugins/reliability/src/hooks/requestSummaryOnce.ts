import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';
import type { ReliabilityApi } from '../api';

const inFlight = new WeakMap<
  ReliabilityApi,
  Map<string, Promise<EntityReliabilitySummary>>
>();

/**
 * Reads an entity's summary, joining a request for the same entity that is
 * already on its way. Cards placed separately on one entity page (on-call
 * and runbooks) then cost one request, not one each. The shared request is
 * not tied to any one card's lifetime; the client's own deadline bounds it.
 */
export function requestSummaryOnce(
  api: ReliabilityApi,
  entityRef: string,
): Promise<EntityReliabilitySummary> {
  let requests = inFlight.get(api);
  if (!requests) {
    requests = new Map();
    inFlight.set(api, requests);
  }
  const pending = requests.get(entityRef);
  if (pending) {
    return pending;
  }
  const request = api.getEntitySummary(entityRef).finally(() => {
    requests!.delete(entityRef);
  });
  requests.set(entityRef, request);
  return request;
}
