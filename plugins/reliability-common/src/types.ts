import type { ReliabilityApiSchemas as ApiSchemas } from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

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
export type MetadataProblem = ApiSchemas['MetadataProblem'];

/** A contact method of an on-call person. @public */
export type ContactMethod = ApiSchemas['ContactMethod'];

/** A person as the on-call source knows them. @public */
export type OnCallPerson = ApiSchemas['OnCallPerson'];

/** Who an escalation level notifies: a user directly, or a schedule. @public */
export type EscalationTarget = ApiSchemas['EscalationTarget'];

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
export type SourceTeam = ApiSchemas['SourceTeam'];

/** A service in an on-call source. @public */
export type OnCallServiceRecord = ApiSchemas['OnCallServiceRecord'];

/** An incident that is still open. @public */
export type OpenIncident = ApiSchemas['OpenIncident'];

/** Incident statistics of one service over a trailing window. @public */
export type IncidentStats = ApiSchemas['IncidentStats'];

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
export type SourceHealth = ApiSchemas['SourceHealth'];
