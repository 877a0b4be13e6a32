import type { IncidentFact } from '@preflight/plugin-reliability-common';
import type { PdIncident } from '../client/pagerDutyTypes';
import type { IncidentTimes } from './collectIncidentTimes';

/**
 * A PagerDuty incident as an incident fact. Acknowledge and resolve times
 * come from its log entries; when the log was not read (e.g. an open
 * incident older than the window), the incident's own `acknowledgements`
 * and `resolved_at` fill in.
 */
export function mapIncident(
  incident: PdIncident,
  times: IncidentTimes | undefined,
): IncidentFact {
  const fact: IncidentFact = {
    id: incident.id,
    title: incident.title ?? incident.summary ?? incident.id,
    serviceId: incident.service.id,
    status: incident.status,
    urgency: incident.urgency === 'low' ? 'low' : 'high',
    createdAt: incident.created_at,
    firstAcknowledgedAt:
      times?.firstAcknowledgedAt ??
      earliest(incident.acknowledgements?.map(a => a.at)),
    resolvedAt:
      incident.status === 'resolved'
        ? incident.resolved_at ??
          times?.resolvedAt ??
          incident.last_status_change_at ??
          null
        : null,
  };
  if (incident.incident_number !== undefined)
    fact.number = incident.incident_number;
  if (incident.html_url) fact.htmlUrl = incident.html_url;
  return fact;
}

function earliest(instants: string[] | undefined): string | null {
  if (!instants || instants.length === 0) {
    return null;
  }
  return instants.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
