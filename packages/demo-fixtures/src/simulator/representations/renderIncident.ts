import type { FleetIncident } from '../fixtures/fleetTypes';
import { incidentStatus } from '../fixtures/incidentStatus';
import {
  escalationPolicyReference,
  logEntryReference,
  PagerDutyReference,
  serviceReference,
  teamReference,
  userReference,
} from './references';
import { RenderContext, timestamp } from './renderContext';

/** Id of an incident's log entry of a kind: stable, derived from the incident id. */
export function logEntryId(incident: FleetIncident, kind: string): string {
  return `R${incident.id.slice(1)}${kind[0].toUpperCase()}`;
}

/**
 * A full `incident` object. Open incidents carry `resolved_at: null` and
 * every incident `priority: null` (the simulated account has no priorities),
 * as the live API sends them.
 */
export function renderIncident(
  context: RenderContext,
  incident: FleetIncident,
) {
  const { index } = context;
  const service = index.servicesById.get(incident.serviceId);
  if (!service) {
    throw new Error(
      `incident ${incident.id} references unknown service ${incident.serviceId}`,
    );
  }
  const policy = index.policiesById.get(service.escalationPolicyId);
  const status = incidentStatus(incident);
  const user = (id: string | null) =>
    id ? index.usersById.get(id) : undefined;
  const notified = user(incident.notifiedUserId);
  const acknowledger = user(incident.acknowledgedByUserId);
  const resolver = user(incident.resolvedByUserId);
  const lastChangeAtMs =
    incident.resolvedAtMs ?? incident.acknowledgedAtMs ?? incident.createdAtMs;
  let lastChangeBy: PagerDutyReference = serviceReference(context, service);
  if (status === 'resolved' && resolver) {
    lastChangeBy = userReference(context, resolver);
  } else if (status === 'acknowledged' && acknowledger) {
    lastChangeBy = userReference(context, acknowledger);
  }
  return {
    id: incident.id,
    type: 'incident',
    summary: `[#${incident.number}] ${incident.title}`,
    self: `${context.apiBaseUrl}/incidents/${incident.id}`,
    html_url: `${context.webBaseUrl}/incidents/${incident.id}`,
    incident_number: incident.number,
    title: incident.title,
    created_at: timestamp(context, incident.createdAtMs),
    updated_at: timestamp(context, lastChangeAtMs),
    status,
    incident_key: incident.incidentKey,
    service: serviceReference(context, service),
    assignments:
      status !== 'resolved' && notified
        ? [
            {
              at: timestamp(context, incident.createdAtMs),
              assignee: userReference(context, notified),
            },
          ]
        : [],
    assigned_via: 'escalation_policy',
    last_status_change_at: timestamp(context, lastChangeAtMs),
    last_status_change_by: lastChangeBy,
    resolved_at:
      incident.resolvedAtMs === null
        ? null
        : timestamp(context, incident.resolvedAtMs),
    first_trigger_log_entry: logEntryReference(
      context,
      'trigger',
      logEntryId(incident, 'trigger'),
      'Triggered through the API.',
      incident,
    ),
    alert_counts: {
      all: 1,
      triggered: status === 'resolved' ? 0 : 1,
      resolved: status === 'resolved' ? 1 : 0,
    },
    is_mergeable: true,
    incident_type: { name: 'incident_default' },
    escalation_policy: policy
      ? escalationPolicyReference(context, policy)
      : undefined,
    teams: service.teamIds.flatMap(id => {
      const team = index.teamsById.get(id);
      return team ? [teamReference(context, team)] : [];
    }),
    pending_actions: [],
    acknowledgements:
      status === 'acknowledged' &&
      acknowledger &&
      incident.acknowledgedAtMs !== null
        ? [
            {
              at: timestamp(context, incident.acknowledgedAtMs),
              acknowledger: userReference(context, acknowledger),
            },
          ]
        : [],
    priority: null,
    incidents_responders: [],
    responder_requests: [],
    urgency: incident.urgency,
  };
}
