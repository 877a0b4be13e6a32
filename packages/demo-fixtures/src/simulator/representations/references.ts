import type {
  FleetContactMethod,
  FleetEscalationPolicy,
  FleetIncident,
  FleetSchedule,
  FleetService,
  FleetTeam,
  FleetUser,
} from '../fixtures/fleetTypes';
import type { RenderContext } from './renderContext';

/** PagerDuty's reference shape: enough to identify and link an object. */
export interface PagerDutyReference {
  id: string;
  type: string;
  summary: string;
  self: string;
  html_url: string | null;
}

function ref(
  context: RenderContext,
  type: string,
  id: string,
  summary: string,
  apiPath: string,
  webPath: string | null,
): PagerDutyReference {
  return {
    id,
    type,
    summary,
    self: `${context.apiBaseUrl}${apiPath}`,
    html_url: webPath === null ? null : `${context.webBaseUrl}${webPath}`,
  };
}

/** `service_reference` */
export function serviceReference(
  context: RenderContext,
  service: FleetService,
): PagerDutyReference {
  return ref(
    context,
    'service_reference',
    service.id,
    service.name,
    `/services/${service.id}`,
    `/service-directory/${service.id}`,
  );
}

/** `escalation_policy_reference` */
export function escalationPolicyReference(
  context: RenderContext,
  policy: FleetEscalationPolicy,
): PagerDutyReference {
  return ref(
    context,
    'escalation_policy_reference',
    policy.id,
    policy.name,
    `/escalation_policies/${policy.id}`,
    `/escalation_policies/${policy.id}`,
  );
}

/** `team_reference` */
export function teamReference(
  context: RenderContext,
  team: FleetTeam,
): PagerDutyReference {
  return ref(
    context,
    'team_reference',
    team.id,
    team.name,
    `/teams/${team.id}`,
    `/teams/${team.id}`,
  );
}

/** `user_reference` */
export function userReference(
  context: RenderContext,
  user: FleetUser,
): PagerDutyReference {
  return ref(
    context,
    'user_reference',
    user.id,
    user.name,
    `/users/${user.id}`,
    `/users/${user.id}`,
  );
}

/** `schedule_reference` */
export function scheduleReference(
  context: RenderContext,
  schedule: FleetSchedule,
): PagerDutyReference {
  return ref(
    context,
    'schedule_reference',
    schedule.id,
    schedule.name,
    `/schedules/${schedule.id}`,
    `/schedules/${schedule.id}`,
  );
}

/** `incident_reference` */
export function incidentReference(
  context: RenderContext,
  incident: FleetIncident,
): PagerDutyReference {
  return ref(
    context,
    'incident_reference',
    incident.id,
    `[#${incident.number}] ${incident.title}`,
    `/incidents/${incident.id}`,
    `/incidents/${incident.id}`,
  );
}

/** `<type>_reference` of a contact method; PagerDuty gives these no web page. */
export function contactMethodReference(
  context: RenderContext,
  user: FleetUser,
  method: FleetContactMethod,
): PagerDutyReference {
  return ref(
    context,
    `${method.type}_reference`,
    method.id,
    method.label,
    `/users/${user.id}/contact_methods/${method.id}`,
    null,
  );
}

/** `<kind>_log_entry_reference` */
export function logEntryReference(
  context: RenderContext,
  kind: string,
  id: string,
  summary: string,
  incident: FleetIncident,
): PagerDutyReference {
  return ref(
    context,
    `${kind}_log_entry_reference`,
    id,
    summary,
    `/log_entries/${id}?incident_id=${incident.id}`,
    `/incidents/${incident.id}/log_entries/${id}`,
  );
}
