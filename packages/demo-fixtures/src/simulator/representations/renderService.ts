import type { FleetService } from '../fixtures/fleetTypes';
import { escalationPolicyReference, teamReference } from './references';
import { RenderContext, timestamp } from './renderContext';
import { renderEscalationPolicy } from './renderEscalationPolicy';
import { renderTeam } from './renderTeam';

/** Which references of a service to expand. */
export interface ServiceIncludes {
  escalationPolicies?: boolean;
  teams?: boolean;
}

/**
 * A full `service` object. `last_incident_timestamp` is `null` before a
 * service's first incident, as the live API sends it.
 */
export function renderService(
  context: RenderContext,
  service: FleetService,
  include: ServiceIncludes = {},
) {
  const { index } = context;
  const policy = index.policiesById.get(service.escalationPolicyId);
  const lastIncidentAtMs = index.lastIncidentAtMs(service.id);
  let escalationPolicy;
  if (policy) {
    escalationPolicy = include.escalationPolicies
      ? renderEscalationPolicy(context, policy)
      : escalationPolicyReference(context, policy);
  }
  return {
    id: service.id,
    type: 'service',
    summary: service.name,
    self: `${context.apiBaseUrl}/services/${service.id}`,
    html_url: `${context.webBaseUrl}/service-directory/${service.id}`,
    name: service.name,
    description: service.description,
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 1800,
    created_at: timestamp(context, service.createdAtMs),
    status: index.serviceStatus(service.id),
    last_incident_timestamp:
      lastIncidentAtMs === null ? null : timestamp(context, lastIncidentAtMs),
    escalation_policy: escalationPolicy,
    teams: service.teamIds.flatMap(id => {
      const team = index.teamsById.get(id);
      if (!team) return [];
      return [
        include.teams
          ? renderTeam(context, team)
          : teamReference(context, team),
      ];
    }),
    integrations: [],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
    scheduled_actions: [],
    addons: [],
    alert_creation: 'create_alerts_and_incidents',
  };
}
