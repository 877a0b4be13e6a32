/**
 * The parts of PagerDuty REST API v2 objects this module reads. Field names
 * follow PagerDuty's OpenAPI document; everything we do not read is left out,
 * and everything PagerDuty may omit is optional.
 */

/** A reference (`*_reference`) or a full object; both carry these. */
export interface PdReference {
  id: string;
  type: string;
  summary?: string | null;
  self?: string | null;
  html_url?: string | null;
}

/** The pagination envelope of classic list endpoints. */
export interface PdPage {
  limit?: number;
  offset?: number;
  more?: boolean;
  total?: number | null;
}

export interface PdTeam extends PdReference {
  name?: string;
}

export interface PdService extends PdReference {
  name?: string;
  status?: string;
  escalation_policy?: PdReference | null;
  teams?: PdTeam[];
}

export interface PdEscalationRule {
  id?: string;
  escalation_delay_in_minutes: number;
  targets: PdReference[];
}

export interface PdEscalationPolicy extends PdReference {
  name: string;
  num_loops?: number;
  escalation_rules: PdEscalationRule[];
  services?: PdReference[];
  teams?: PdReference[];
}

/** A contact method, full (with `include[]=contact_methods`) or a reference. */
export interface PdContactMethod extends PdReference {
  label?: string;
  address?: string;
  country_code?: number;
}

export interface PdUser extends PdReference {
  name?: string;
  email?: string;
  time_zone?: string;
  avatar_url?: string;
  contact_methods?: PdContactMethod[];
}

/** One entry of `GET /oncalls`. */
export interface PdOnCall {
  escalation_policy: PdReference;
  user: PdUser;
  schedule?: PdReference | null;
  escalation_level: number;
  /** `null` for a permanent on-call (a user targeted directly by the policy). */
  start: string | null;
  end: string | null;
}

export interface PdIncident extends PdReference {
  incident_number?: number;
  title?: string;
  created_at: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency?: 'high' | 'low';
  service: PdReference;
  resolved_at?: string | null;
  last_status_change_at?: string;
  acknowledgements?: Array<{ at: string; acknowledger?: PdReference }>;
}

/** One entry of `GET /log_entries`. */
export interface PdLogEntry extends PdReference {
  created_at: string;
  incident?: PdReference;
  service?: PdReference;
  /** Who did it: a `user_reference`, or a service or integration. */
  agent?: PdReference | null;
}

/** One entry of `GET /change_events`. */
export interface PdChangeEvent {
  id: string;
  timestamp: string;
  services?: PdReference[];
}
