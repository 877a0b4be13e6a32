import type { PdLogEntry } from '../client/pagerDutyTypes';

/** When an incident was first acknowledged and resolved, from its log. */
export interface IncidentTimes {
  firstAcknowledgedAt?: string;
  resolvedAt?: string;
}

// PagerDuty's API and `LogEntry` say `acknowledge_log_entry`; the OpenAPI
// `AcknowledgeLogEntry` says `acknowledgement_log_entry`. Accept both.
const ACKNOWLEDGE_TYPES = new Set([
  'acknowledge_log_entry',
  'acknowledgement_log_entry',
]);
const RESOLVE_TYPE = 'resolve_log_entry';

/** Earliest acknowledge and resolve entry per incident id. */
export function collectIncidentTimes(
  entries: Iterable<PdLogEntry>,
): Map<string, IncidentTimes> {
  const times = new Map<string, IncidentTimes>();
  for (const entry of entries) {
    const incidentId = entry.incident?.id;
    if (!incidentId) {
      continue;
    }
    let field: keyof IncidentTimes;
    if (ACKNOWLEDGE_TYPES.has(entry.type)) {
      field = 'firstAcknowledgedAt';
    } else if (entry.type === RESOLVE_TYPE) {
      field = 'resolvedAt';
    } else {
      continue;
    }
    const current = times.get(incidentId) ?? {};
    if (isEarlier(entry.created_at, current[field])) {
      current[field] = entry.created_at;
    }
    times.set(incidentId, current);
  }
  return times;
}

function isEarlier(candidate: string, existing: string | undefined): boolean {
  if (existing === undefined) {
    return true;
  }
  return Date.parse(candidate) < Date.parse(existing);
}
