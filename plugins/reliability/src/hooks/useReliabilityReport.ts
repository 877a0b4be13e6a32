import type {
  OnCallHealthResponse,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityApi, ReliabilityReportQuery } from '../api';
import type { RequestState } from './useEntitySlos';
import { useKeyedRequest } from './useKeyedRequest';

/**
 * What a reliability report is about: the whole organisation, a group with
 * its sub-groups, or one entity.
 * @public
 */
export type ReportSubject =
  | { kind: 'organization' }
  | { kind: 'group' | 'entity'; ref: string };

interface ReportKey {
  subject: ReportSubject;
  query: ReliabilityReportQuery;
}

/**
 * The request keyed by subject and period together, so changing the month
 * aborts the request for the old one and never shows its answer late.
 */
function requestReport(
  api: ReliabilityApi,
  key: string,
  signal: AbortSignal,
): Promise<ReliabilityReportResponse> {
  const { subject, query } = JSON.parse(key) as ReportKey;
  switch (subject.kind) {
    case 'organization':
      return api.getOrganizationReport(query, { signal });
    case 'group':
      return api.getGroupReport(subject.ref, query, { signal });
    default:
      return api.getEntityReport(subject.ref, query, { signal });
  }
}

function requestOnCallHealth(
  api: ReliabilityApi,
  groupRef: string,
  signal: AbortSignal,
) {
  return api.getGroupOnCallHealth(groupRef, { signal });
}

/**
 * Loads a reliability report of a subject over a period (none: the last
 * whole calendar month).
 * @public
 */
export function useReliabilityReport(
  subject: ReportSubject,
  query: ReliabilityReportQuery = {},
): RequestState<ReliabilityReportResponse> {
  const key = JSON.stringify({ subject, query } satisfies ReportKey);
  const state = useKeyedRequest(key, true, requestReport);
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
  return useKeyedRequest(groupRef, enabled, requestOnCallHealth);
}
