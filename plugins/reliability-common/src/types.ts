/**
 * Normalized, source-agnostic reliability data. Providers (PagerDuty today,
 * others later) produce these shapes; the backend stores them and the API
 * returns them. Timestamps are ISO-8601 strings so the same types travel
 * through JSON unchanged.
 */

/**
 * A problem with an entity's metadata, scoped to the field that caused it.
 * @public
 */
export interface MetadataProblem {
  /** The entity the problem belongs to, e.g. `component:default/checkout`. */
  entityRef: string;
  /** The offending field, e.g. `metadata.annotations["pagerduty.com/service-id"]`. */
  field: string;
  /** What is wrong, in words a service owner understands. */
  message: string;
  /** How to fix it. */
  fix?: string;
}

/** A contact method of an on-call person. @public */
export interface ContactMethod {
  type: 'email' | 'phone' | 'sms' | 'push' | 'other';
  /** e-mail address or phone number as the source gives it */
  address: string;
  label?: string;
}

/** A person as the on-call source knows them. @public */
export interface OnCallPerson {
  id: string;
  name: string;
  email?: string;
  htmlUrl?: string;
  avatarUrl?: string;
  timeZone?: string;
  contactMethods: ContactMethod[];
}

/** Who an escalation level notifies: a user directly, or a schedule. @public */
export interface EscalationTarget {
  type: 'user' | 'schedule';
  id: string;
  name: string;
  htmlUrl?: string;
}

/** One level (rule) of an escalation policy. @public */
export interface EscalationLevelDefinition {
  /** 1-based level number, as PagerDuty's `escalation_level`. */
  level: number;
  /** Minutes before escalating to the next level. */
  delayMinutes: number;
  targets: EscalationTarget[];
}

/**
 * One on-call shift: a person holds a level of a policy from `start` to
 * `end`. `start`/`end` are `null` for a permanent on-call (a user targeted
 * directly by the policy rather than through a schedule).
 * @public
 */
export interface OnCallShift {
  level: number;
  user: OnCallPerson;
  start: string | null;
  end: string | null;
  schedule?: { id: string; name: string; htmlUrl?: string };
}

/** An escalation policy with its levels and the shifts known for them. @public */
export interface EscalationPolicyRecord {
  id: string;
  name: string;
  htmlUrl?: string;
  /** How many times the policy repeats after its last level. */
  numLoops: number;
  levels: EscalationLevelDefinition[];
  /** Shifts overlapping the synced horizon (recent past to next 7 days). */
  shifts: OnCallShift[];
}

/** A team as the on-call source knows it. @public */
export interface SourceTeam {
  id: string;
  name: string;
  htmlUrl?: string;
}

/** A service in an on-call source. @public */
export interface OnCallServiceRecord {
  id: string;
  name: string;
  htmlUrl?: string;
  /** e.g. PagerDuty's `active`, `warning`, `critical`, `maintenance`, `disabled` */
  status?: string;
  escalationPolicyId?: string;
  teams: SourceTeam[];
}

/** An incident that is still open. @public */
export interface OpenIncident {
  id: string;
  number?: number;
  title: string;
  status: 'triggered' | 'acknowledged';
  urgency: 'high' | 'low';
  createdAt: string;
  htmlUrl?: string;
}

/** Incident statistics of one service over a trailing window. @public */
export interface IncidentStats {
  serviceId: string;
  windowDays: number;
  /** Incidents created in the window. */
  total: number;
  highUrgency: number;
  /** Mean time to first acknowledgement, seconds; null when nothing was acknowledged. */
  mttaSeconds: number | null;
  /** Mean time to resolve, seconds; null when nothing was resolved. */
  mttrSeconds: number | null;
  /** High-urgency incidents per level-1 on-call shift; null when no shift is known. */
  pagesPerShift: number | null;
  open: OpenIncident[];
}

/**
 * Everything a bulk sync of one source (one PagerDuty account) returns.
 * @public
 */
export interface OnCallSnapshot {
  services: OnCallServiceRecord[];
  policies: EscalationPolicyRecord[];
  incidentStats: IncidentStats[];
  /** Things that went partly wrong but did not fail the sync. */
  warnings: string[];
  /**
   * Ids of on-call people whose details (contact methods) could not be read
   * this time, e.g. a user lookup answered 404 or was beyond a refresh's
   * lookup bound. Their shifts are real, but their empty contact methods
   * mean "unknown", not "none": whoever merges the snapshot keeps what it
   * knew about them.
   */
  unreadPeople?: string[];
  /**
   * Present when the source's service list could not be read whole (e.g.
   * PagerDuty's 10,000-offset limit). A service id missing from `services`
   * then proves nothing, except for the ids in `confirmedMissing`, which
   * were looked up one by one and do not exist.
   */
  incompleteServices?: { confirmedMissing: string[] };
}

/** Health of one data source, as stored after each sync attempt. @public */
export interface SourceHealth {
  /** e.g. `pagerduty:default` */
  id: string;
  /** e.g. `pagerduty` */
  type: string;
  displayName: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The last error, present while the source is failing. */
  lastError: string | null;
  /** When the current run of failures began. */
  errorSince: string | null;
  /** True when the last good data is older than the staleness threshold or the last attempt failed. */
  stale: boolean;
  /** Seconds since the last success, at the time of the response. */
  ageSeconds: number | null;
  warnings: string[];
}
