import { useApi } from '@backstage/core-plugin-api';
import type { GroupOnCallResponse } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import { RequestState, useKeyedRequest } from './useKeyedRequest';

/**
 * A group's on-call overview as a component sees it.
 * @public
 */
export type GroupOnCallState = RequestState<GroupOnCallResponse>;

/**
 * Loads the on-call overview of a group once per group (and per retry).
 * Leaving the page or switching group aborts the request.
 * @public
 */
export function useGroupOnCall(groupRef: string): GroupOnCallState {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(groupRef, signal =>
    api.getGroupOnCall(groupRef, { signal }),
  );
}
