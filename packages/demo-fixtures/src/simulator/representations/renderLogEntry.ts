import type { LogEntryKind } from '../fleetIndex';
import {
  incidentReference,
  serviceReference,
  teamReference,
  userReference,
} from './references';
import { RenderContext, timestamp } from './renderContext';
import { logEntryId, renderIncident } from './renderIncident';

/**
 * A log entry (`trigger_log_entry`, `notify_log_entry`,
 * `acknowledge_log_entry`, `resolve_log_entry`) of incident number
 * `incidentIndex` in the fleet index. With `include[]=incidents` the
 * incident is the full object instead of a reference.
 */
export function renderLogEntry(
  context: RenderContext,
  incidentIndex: number,
  kind: LogEntryKind,
  atMs: number,
  include: { incidents?: boolean } = {},
) {
  const { index } = context;
  const incident = index.incidents[incidentIndex];
  const service = index.servicesById.get(incident.serviceId);
  if (!service) {
    throw new Error(
      `incident ${incident.id} references unknown service ${incident.serviceId}`,
    );
  }
  const id = logEntryId(incident, kind);
  const user = (userId: string | null) =>
    userId ? index.usersById.get(userId) : undefined;
  const base = {
    id,
    type: `${kind}_log_entry`,
    self: `${context.apiBaseUrl}/log_entries/${id}?incident_id=${incident.id}`,
    html_url: `${context.webBaseUrl}/incidents/${incident.id}/log_entries/${id}`,
    created_at: timestamp(context, atMs),
    service: serviceReference(context, service),
    incident: include.incidents
      ? renderIncident(context, incident)
      : incidentReference(context, incident),
    teams: service.teamIds.flatMap(teamId => {
      const team = index.teamsById.get(teamId);
      return team ? [teamReference(context, team)] : [];
    }),
    contexts: [],
  };
  switch (kind) {
    case 'trigger':
      return {
        ...base,
        summary: 'Triggered through the API.',
        agent: serviceReference(context, service),
        channel: {
          type: 'api',
          summary: incident.title,
          description: incident.title,
          incident_key: incident.incidentKey,
        },
        event_details: { description: incident.title },
      };
    case 'notify': {
      const notified = user(incident.notifiedUserId);
      return {
        ...base,
        summary: `Notified ${notified?.name ?? 'nobody'}.`,
        agent: serviceReference(context, service),
        channel: { type: 'auto' },
        ...(notified ? { user: userReference(context, notified) } : {}),
      };
    }
    case 'acknowledge': {
      const acknowledger = user(incident.acknowledgedByUserId);
      return {
        ...base,
        summary: `Acknowledged by ${acknowledger?.name ?? 'a user'}.`,
        agent: acknowledger
          ? userReference(context, acknowledger)
          : serviceReference(context, service),
        channel: { type: 'website' },
        acknowledgement_timeout: 1800,
      };
    }
    case 'resolve': {
      const resolver = user(incident.resolvedByUserId);
      return {
        ...base,
        summary: resolver
          ? `Resolved by ${resolver.name}.`
          : 'Resolved through the API.',
        agent: resolver
          ? userReference(context, resolver)
          : serviceReference(context, service),
        channel: resolver ? { type: 'website' } : { type: 'api' },
      };
    }
    default:
      throw new Error(`unknown log entry kind ${kind satisfies never}`);
  }
}
