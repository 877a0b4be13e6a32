/**
 * A small PagerDuty account in PagerDuty's own response shapes (REST API v2,
 * as in the official OpenAPI document): two services, two escalation
 * policies, users with contact methods, on-calls (schedule shifts and
 * permanent direct-user on-calls), incidents and their log entries.
 *
 * "Now" is {@link FIXTURE_NOW}; times are fixed so expectations are exact.
 */
import type {
  PdEscalationPolicy,
  PdIncident,
  PdLogEntry,
  PdOnCall,
  PdService,
  PdTeam,
  PdUser,
} from '../client/pagerDutyTypes';

/** Wednesday 2025-06-04 10:00 UTC. */
export const FIXTURE_NOW = '2025-06-04T10:00:00Z';

const API = 'https://api.pagerduty.com';
const WEB = 'https://acme.pagerduty.com';

function reference(kind: string, id: string, summary: string) {
  const path: Record<string, [string, string]> = {
    team: ['teams', 'teams'],
    user: ['users', 'users'],
    schedule: ['schedules', 'schedules'],
    escalation_policy: ['escalation_policies', 'escalation_policies'],
    service: ['services', 'service-directory'],
    incident: ['incidents', 'incidents'],
  };
  const [apiPath, webPath] = path[kind];
  return {
    id,
    type: `${kind}_reference`,
    summary,
    self: `${API}/${apiPath}/${id}`,
    html_url: `${WEB}/${webPath}/${id}`,
  };
}

const PAYMENTS = reference('team', 'PTPAY01', 'team-payments');
const PLATFORM = reference('team', 'PTPLT02', 'team-platform');

export const teams: PdTeam[] = [
  { ...PAYMENTS, type: 'team', name: 'team-payments' },
  { ...PLATFORM, type: 'team', name: 'team-platform' },
];

function fullTeam(team: typeof PAYMENTS) {
  return {
    ...team,
    type: 'team',
    name: team.summary,
    description: `${team.summary} engineers`,
    default_role: 'manager',
  };
}

export const services: PdService[] = [
  {
    id: 'PCHKOUT',
    type: 'service',
    summary: 'checkout-api',
    self: `${API}/services/PCHKOUT`,
    html_url: `${WEB}/service-directory/PCHKOUT`,
    name: 'checkout-api',
    description: 'Checkout API',
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 1800,
    created_at: '2023-01-10T09:00:00Z',
    status: 'critical',
    last_incident_timestamp: '2025-06-04T09:20:00Z',
    alert_creation: 'create_alerts_and_incidents',
    escalation_policy: reference(
      'escalation_policy',
      'PEPAY01',
      'Payments escalation',
    ),
    teams: [fullTeam(PAYMENTS)],
    integrations: [],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
  } as PdService,
  {
    id: 'PAUTHSV',
    type: 'service',
    summary: 'auth-service',
    self: `${API}/services/PAUTHSV`,
    html_url: `${WEB}/service-directory/PAUTHSV`,
    name: 'auth-service',
    description: 'Authentication',
    auto_resolve_timeout: 14400,
    acknowledgement_timeout: 600,
    created_at: '2023-02-01T09:00:00Z',
    status: 'warning',
    last_incident_timestamp: '2025-06-04T08:00:00Z',
    alert_creation: 'create_alerts_and_incidents',
    escalation_policy: reference(
      'escalation_policy',
      'PEPLT01',
      'Platform escalation',
    ),
    teams: [fullTeam(PLATFORM)],
    integrations: [],
    incident_urgency_rule: { type: 'constant', urgency: 'high' },
  } as PdService,
];

export const escalationPolicies: PdEscalationPolicy[] = [
  {
    id: 'PEPAY01',
    type: 'escalation_policy',
    summary: 'Payments escalation',
    self: `${API}/escalation_policies/PEPAY01`,
    html_url: `${WEB}/escalation_policies/PEPAY01`,
    name: 'Payments escalation',
    description: 'Payments primary, secondary, then the manager',
    num_loops: 1,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: [
      {
        id: 'PRPAY1A',
        escalation_delay_in_minutes: 30,
        targets: [reference('schedule', 'PSPAY01', 'Payments primary')],
      },
      {
        id: 'PRPAY2B',
        escalation_delay_in_minutes: 30,
        targets: [reference('schedule', 'PSPAY02', 'Payments secondary')],
      },
      {
        id: 'PRPAY3C',
        escalation_delay_in_minutes: 15,
        targets: [reference('user', 'PUDANA1', 'Dana')],
      },
    ],
    services: [reference('service', 'PCHKOUT', 'checkout-api')],
    teams: [PAYMENTS],
  } as PdEscalationPolicy,
  {
    id: 'PEPLT01',
    type: 'escalation_policy',
    summary: 'Platform escalation',
    self: `${API}/escalation_policies/PEPLT01`,
    html_url: `${WEB}/escalation_policies/PEPLT01`,
    name: 'Platform escalation',
    num_loops: 0,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: [
      {
        id: 'PRPLT1A',
        escalation_delay_in_minutes: 10,
        targets: [reference('schedule', 'PSPLT01', 'Platform primary')],
      },
      {
        id: 'PRPLT2B',
        escalation_delay_in_minutes: 10,
        targets: [reference('user', 'PUGRACE', 'Grace')],
      },
    ],
    services: [reference('service', 'PAUTHSV', 'auth-service')],
    teams: [PLATFORM],
  } as PdEscalationPolicy,
];

function user(
  id: string,
  name: string,
  phoneSuffix: string,
  team: typeof PAYMENTS,
  extra: object[] = [],
): PdUser {
  const email = `${name.toLowerCase()}@example.com`;
  return {
    id,
    type: 'user',
    summary: name,
    self: `${API}/users/${id}`,
    html_url: `${WEB}/users/${id}`,
    name,
    email,
    time_zone: 'Europe/London',
    color: 'green',
    role: 'user',
    avatar_url: `https://secure.gravatar.com/avatar/${id.toLowerCase()}.png?d=mm&r=PG`,
    description: '',
    invitation_sent: false,
    job_title: 'Engineer',
    teams: [team],
    contact_methods: [
      {
        id: `PC${id.slice(2, 6)}E`,
        type: 'email_contact_method',
        summary: 'Default',
        self: `${API}/users/${id}/contact_methods/PC${id.slice(2, 6)}E`,
        html_url: null,
        label: 'Default',
        address: email,
        send_short_email: false,
      },
      {
        id: `PC${id.slice(2, 6)}P`,
        type: 'phone_contact_method',
        summary: 'Mobile',
        self: `${API}/users/${id}/contact_methods/PC${id.slice(2, 6)}P`,
        html_url: null,
        label: 'Mobile',
        address: `55501${phoneSuffix}`,
        country_code: 1,
        blacklisted: false,
      },
      ...extra,
    ],
    notification_rules: [],
  } as PdUser;
}

export const users: PdUser[] = [
  user('PUALICE', 'Alice', '01', PAYMENTS, [
    {
      id: 'PCALICS',
      type: 'sms_contact_method',
      summary: 'Mobile SMS',
      self: `${API}/users/PUALICE/contact_methods/PCALICS`,
      html_url: null,
      label: 'Mobile SMS',
      address: '5550101',
      country_code: 1,
      blacklisted: false,
      enabled: true,
    },
    {
      id: 'PCALIPU',
      type: 'push_notification_contact_method',
      summary: "Alice's iPhone",
      self: `${API}/users/PUALICE/contact_methods/PCALIPU`,
      html_url: null,
      label: "Alice's iPhone",
      address: 'f3a1c2d4e5b6',
      device_type: 'ios',
      created_at: '2024-03-01T10:00:00Z',
      blacklisted: false,
    },
  ]),
  user('PUBOB01', 'Bob', '02', PAYMENTS),
  user('PUCAROL', 'Carol', '03', PAYMENTS),
  user('PUDANA1', 'Dana', '04', PAYMENTS),
  user('PUERIN1', 'Erin', '05', PLATFORM),
  user('PUGRACE', 'Grace', '07', PLATFORM),
  // Frank is deliberately missing from the user list: his on-call entry
  // must still show him, from the entry's own (included) user.
];

function included(u: { id: string; name: string }) {
  return {
    id: u.id,
    type: 'user',
    summary: u.name,
    self: `${API}/users/${u.id}`,
    html_url: `${WEB}/users/${u.id}`,
    name: u.name,
    email: `${u.name.toLowerCase()}@example.com`,
    time_zone: 'Europe/London',
    role: 'user',
    contact_methods: [
      {
        id: `PC${u.id.slice(2, 6)}E`,
        type: 'email_contact_method_reference',
        summary: 'Default',
        self: `${API}/users/${u.id}/contact_methods/PC${u.id.slice(2, 6)}E`,
      },
    ],
  };
}

function onCall(
  policy: string,
  policyName: string,
  level: number,
  who: { id: string; name: string },
  schedule: [string, string] | null,
  start: string | null,
  end: string | null,
): PdOnCall {
  return {
    escalation_policy: reference('escalation_policy', policy, policyName),
    escalation_level: level,
    schedule: schedule ? reference('schedule', schedule[0], schedule[1]) : null,
    user: included(who),
    start,
    end,
  } as PdOnCall;
}

const alice = { id: 'PUALICE', name: 'Alice' };
const bob = { id: 'PUBOB01', name: 'Bob' };
const carol = { id: 'PUCAROL', name: 'Carol' };
const dana = { id: 'PUDANA1', name: 'Dana' };
const erin = { id: 'PUERIN1', name: 'Erin' };
const frank = { id: 'PUFRANK', name: 'Frank' };
const grace = { id: 'PUGRACE', name: 'Grace' };
const PRIMARY: [string, string] = ['PSPAY01', 'Payments primary'];
const SECONDARY: [string, string] = ['PSPAY02', 'Payments secondary'];
const PLATFORM_PRIMARY: [string, string] = ['PSPLT01', 'Platform primary'];

export const onCalls: PdOnCall[] = [
  onCall(
    'PEPAY01',
    'Payments escalation',
    1,
    bob,
    PRIMARY,
    '2025-05-26T09:00:00Z',
    '2025-06-02T09:00:00Z',
  ),
  onCall(
    'PEPAY01',
    'Payments escalation',
    1,
    alice,
    PRIMARY,
    '2025-06-02T09:00:00Z',
    '2025-06-09T09:00:00Z',
  ),
  onCall(
    'PEPAY01',
    'Payments escalation',
    1,
    bob,
    PRIMARY,
    '2025-06-09T09:00:00Z',
    '2025-06-16T09:00:00Z',
  ),
  onCall(
    'PEPAY01',
    'Payments escalation',
    2,
    carol,
    SECONDARY,
    '2025-05-26T09:00:00Z',
    '2025-06-02T09:00:00Z',
  ),
  onCall(
    'PEPAY01',
    'Payments escalation',
    2,
    bob,
    SECONDARY,
    '2025-06-02T09:00:00Z',
    '2025-06-09T09:00:00Z',
  ),
  onCall('PEPAY01', 'Payments escalation', 3, dana, null, null, null),
  onCall(
    'PEPLT01',
    'Platform escalation',
    1,
    frank,
    PLATFORM_PRIMARY,
    '2025-06-03T06:00:00Z',
    '2025-06-03T22:00:00Z',
  ),
  onCall(
    'PEPLT01',
    'Platform escalation',
    1,
    erin,
    PLATFORM_PRIMARY,
    '2025-06-04T06:00:00Z',
    '2025-06-04T22:00:00Z',
  ),
  onCall(
    'PEPLT01',
    'Platform escalation',
    1,
    frank,
    PLATFORM_PRIMARY,
    '2025-06-05T06:00:00Z',
    '2025-06-05T22:00:00Z',
  ),
  onCall('PEPLT01', 'Platform escalation', 2, grace, null, null, null),
];

function incident(
  id: string,
  number: number,
  title: string,
  serviceId: 'PCHKOUT' | 'PAUTHSV',
  status: PdIncident['status'],
  urgency: 'high' | 'low',
  createdAt: string,
  resolvedAt: string | null,
  acknowledgedAt: string | null,
): PdIncident {
  const service = services.find(s => s.id === serviceId)!;
  const policy = service.escalation_policy!;
  return {
    id,
    type: 'incident',
    summary: `[#${number}] ${title}`,
    self: `${API}/incidents/${id}`,
    html_url: `${WEB}/incidents/${id}`,
    incident_number: number,
    title,
    created_at: createdAt,
    updated_at: resolvedAt ?? acknowledgedAt ?? createdAt,
    status,
    incident_key: `${id.toLowerCase()}-key`,
    service: reference('service', service.id, service.name!),
    assignments: [],
    assigned_via: 'escalation_policy',
    last_status_change_at: resolvedAt ?? acknowledgedAt ?? createdAt,
    resolved_at: resolvedAt,
    first_trigger_log_entry: {
      id: `R${id}T`,
      type: 'trigger_log_entry_reference',
      summary: 'Triggered through the API.',
      self: `${API}/log_entries/R${id}T?incident_id=${id}`,
      html_url: `${WEB}/incidents/${id}/log_entries/R${id}T`,
    },
    alert_counts: {
      all: 1,
      triggered: status === 'resolved' ? 0 : 1,
      resolved: status === 'resolved' ? 1 : 0,
    },
    is_mergeable: true,
    escalation_policy: policy,
    teams: service.teams!.map(t => reference('team', t.id, t.summary ?? t.id)),
    pending_actions: [],
    acknowledgements:
      status === 'acknowledged' && acknowledgedAt
        ? [
            {
              at: acknowledgedAt,
              acknowledger: reference('user', 'PUERIN1', 'Erin'),
            },
          ]
        : [],
    last_status_change_by: reference('service', service.id, service.name!),
    priority: null,
    incidents_responders: [],
    responder_requests: [],
    urgency,
  } as PdIncident;
}

export const incidents: PdIncident[] = [
  incident(
    'Q1CHK01',
    101,
    'Checkout latency above SLO',
    'PCHKOUT',
    'resolved',
    'high',
    '2025-06-01T03:00:00Z',
    '2025-06-01T04:00:00Z',
    '2025-06-01T03:05:00Z',
  ),
  incident(
    'Q2CHK02',
    102,
    'Payment provider timeouts',
    'PCHKOUT',
    'resolved',
    'low',
    '2025-05-20T12:00:00Z',
    '2025-05-20T14:00:00Z',
    '2025-05-20T12:15:00Z',
  ),
  incident(
    'Q4CHK04',
    104,
    'Checkout error rate spike',
    'PCHKOUT',
    'resolved',
    'high',
    '2025-06-03T10:00:00Z',
    '2025-06-03T10:30:00Z',
    null,
  ),
  incident(
    'Q3CHK03',
    103,
    'Checkout 5xx above 5%',
    'PCHKOUT',
    'triggered',
    'high',
    '2025-06-04T09:20:00Z',
    null,
    null,
  ),
  incident(
    'Q5AUT05',
    105,
    'Token refresh failures',
    'PAUTHSV',
    'acknowledged',
    'low',
    '2025-06-04T08:00:00Z',
    null,
    '2025-06-04T08:10:00Z',
  ),
  // Open for months: outside the 90-day window, yet still open.
  incident(
    'Q6AUT06',
    60,
    'Legacy SSO certificate expiring',
    'PAUTHSV',
    'triggered',
    'low',
    '2024-12-01T09:00:00Z',
    null,
    null,
  ),
];

const LOG_SUMMARIES = {
  trigger_log_entry: 'Triggered through the API.',
  acknowledge_log_entry: 'Acknowledged by Alice.',
  resolve_log_entry: 'Resolved by Alice.',
};

function logEntry(
  type: 'trigger_log_entry' | 'acknowledge_log_entry' | 'resolve_log_entry',
  of: PdIncident,
  at: string,
): PdLogEntry {
  const id = `R${of.id}${type[0].toUpperCase()}`;
  const agent =
    type === 'trigger_log_entry'
      ? of.service
      : reference('user', 'PUALICE', 'Alice');
  return {
    id,
    type,
    summary: LOG_SUMMARIES[type],
    self: `${API}/log_entries/${id}?incident_id=${of.id}`,
    html_url: `${WEB}/incidents/${of.id}/log_entries/${id}`,
    created_at: at,
    agent,
    channel: { type: type === 'trigger_log_entry' ? 'api' : 'web_trigger' },
    service: of.service,
    incident: reference('incident', of.id, of.summary ?? of.id),
    teams: [],
    contexts: [],
    event_details: {},
  } as PdLogEntry;
}

const byId = (id: string) => incidents.find(i => i.id === id)!;

export const logEntries: PdLogEntry[] = [
  logEntry('trigger_log_entry', byId('Q2CHK02'), '2025-05-20T12:00:00Z'),
  logEntry('acknowledge_log_entry', byId('Q2CHK02'), '2025-05-20T12:15:00Z'),
  logEntry('resolve_log_entry', byId('Q2CHK02'), '2025-05-20T14:00:00Z'),
  logEntry('trigger_log_entry', byId('Q1CHK01'), '2025-06-01T03:00:00Z'),
  logEntry('acknowledge_log_entry', byId('Q1CHK01'), '2025-06-01T03:05:00Z'),
  logEntry('resolve_log_entry', byId('Q1CHK01'), '2025-06-01T04:00:00Z'),
  logEntry('trigger_log_entry', byId('Q4CHK04'), '2025-06-03T10:00:00Z'),
  logEntry('resolve_log_entry', byId('Q4CHK04'), '2025-06-03T10:30:00Z'),
  logEntry('trigger_log_entry', byId('Q5AUT05'), '2025-06-04T08:00:00Z'),
  logEntry('acknowledge_log_entry', byId('Q5AUT05'), '2025-06-04T08:10:00Z'),
  logEntry('trigger_log_entry', byId('Q3CHK03'), '2025-06-04T09:20:00Z'),
];
