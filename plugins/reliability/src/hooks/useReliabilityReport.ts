import { useApi } from '@backstage/core-plugin-api';
import type {
  OnCallHealthResponse,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../api';
import type { ReliabilityApi, ReliabilityReportQuery } from '../api';
import { RequestState, useKeyedRequest } from './useKeyedRequest';

/**
 * What a reliability report is about: the whole organisation, a group with
 * its sub-groups, or one entity.
 * @public
 */
export type ReportSubject =
  | { kind: 'organization' }
  | { kind: 'group' | 'entity'; ref: string };

function requestReport(
  api: ReliabilityApi,
  subject: ReportSubject,
  query: ReliabilityReportQuery,
  signal: AbortSignal,
): Promise<ReliabilityReportResponse> {
  switch (subject.kind) {
    case 'organization':
      return api.getOrganizationReport(query, { signal });
    case 'group':
      return api.getGroupReport(subject.ref, query, { signal });
    default:
      return api.getEntityReport(subject.ref, query, { signal });
  }
}

/**
 * Loads a reliability report of a subject over a period (none: the last
 * whole calendar month). Keyed by subject and period together, so changing
 * the month aborts the request for the old one and never shows its answer
 * late, nor the old month's figures while the new one loads.
 * @public
 */
export function useReliabilityReport(
  subject: ReportSubject,
  query: ReliabilityReportQuery = {},
): RequestState<ReliabilityReportResponse> {
  const api = useApi(reliabilityApiRef);
  const key = JSON.stringify({ subject, query });
  const state = useKeyedRequest(key, signal =>
    requestReport(api, subject, query, signal),
  );
  // Callers name the subject in messages, not the internal key.
  return {
    ...state,
    entityRef:
      subject.kind === 'organization' ? 'the organization' : subject.ref,
  };
}

/**
 * Loads a group's on-call health over the last 28 days; `enabled: false`
 * skips the request (on a page that is not a group's).
 * @public
 */
export function useGroupOnCallHealth(
  groupRef: string,
  enabled: boolean = true,
): RequestState<OnCallHealthResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(
    groupRef,
    enabled
      ? signal => api.getGroupOnCallHealth(groupRef, { signal })
      : undefined,
  );
}
