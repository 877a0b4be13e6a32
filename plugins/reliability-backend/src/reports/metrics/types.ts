import type {
  IncidentFact,
  OnCallShift,
} from '@preflight/plugin-reliability-common';

/**
 * An incident as the report arithmetic reads it: the stored incident plus
 * whether the source resolved it without a person.
 */
export interface ReportIncident extends IncidentFact {
  /**
   * True when nobody resolved it: the monitoring integration sent a resolve
   * event or the service's auto-resolve timeout fired (PagerDuty: the
   * resolve log entry's agent is not a user). Undefined when unknown; the
   * alert-quality rules then rely on timing alone.
   */
  autoResolved?: boolean;
}

/**
 * A change event (a deploy, a config change) on a service, as PagerDuty's
 * `/change_events` lists them.
 */
export interface ChangeEventFact {
  id: string;
  serviceId: string;
  /** When the change happened, ISO-8601. */
  timestamp: string;
}

/**
 * A rotation: the level 1 of an escalation policy, the people who take its
 * pages and the services whose incidents page them.
 */
export interface RotationInput {
  /** The escalation policy id. */
  rotationId: string;
  /** Services using the policy. */
  serviceIds: string[];
  /** Its shifts; shifts of other levels are ignored. */
  shifts: OnCallShift[];
}
