/**
 * Generators of PagerDuty objects in bulk (thousands of services,
 * incidents, on-call entries) for paging and splitting tests. Shapes follow
 * PagerDuty's OpenAPI document; the fixture schema test validates samples.
 */
import type {
  PdIncident,
  PdOnCall,
  PdService,
  PdTeam,
} from '../client/pagerDutyTypes';

const API = 'https://api.pagerduty.com';
const WEB = 'https://acme.pagerduty.com';

/** A team `id`. */
export function generatedTeam(id: string): PdTeam {
  return {
    id,
    type: 'team',
    summary: `team ${id}`,
    self: `${API}/teams/${id}`,
    html_url: `${WEB}/teams/${id}`,
    name: `team ${id}`,
  };
}

/** `count` services numbered from `from`, each in `teamIds`. */
export function generatedServices(
  count: number,
  teamIds: string[],
  from = 0,
): PdService[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `PS${String(from + i).padStart(6, '0')}`;
    return {
      id,
      type: 'service',
      summary: `svc-${from + i}`,
      self: `${API}/services/${id}`,
      html_url: `${WEB}/service-directory/${id}`,
      name: `svc-${from + i}`,
      status: 'active',
      created_at: '2024-01-01T00:00:00Z',
      escalation_policy: {
        id: 'PEP0001',
        type: 'escalation_policy_reference',
        summary: 'Ops',
        self: `${API}/escalation_policies/PEP0001`,
        html_url: `${WEB}/escalation_policies/PEP0001`,
      },
      teams: teamIds.map(t => ({
        id: t,
        type: 'team_reference',
        summary: `team ${t}`,
        self: `${API}/teams/${t}`,
        html_url: `${WEB}/teams/${t}`,
      })),
    };
  });
}

/** `count` resolved incidents, the i-th created at `createdAt(i)`. */
export function generatedIncidents(
  count: number,
  createdAt: (i: number) => number,
): PdIncident[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `Q${String(i).padStart(8, '0')}`;
    const created = new Date(createdAt(i)).toISOString();
    const resolved = new Date(createdAt(i) + 60_000).toISOString();
    return {
      id,
      type: 'incident',
      summary: `[#${i + 1}] CPU high`,
      self: `${API}/incidents/${id}`,
      html_url: `${WEB}/incidents/${id}`,
      incident_number: i + 1,
      title: 'CPU high',
      created_at: created,
      updated_at: resolved,
      status: 'resolved',
      urgency: 'high',
      service: {
        id: 'PSVC001',
        type: 'service_reference',
        summary: 'api',
        self: `${API}/services/PSVC001`,
        html_url: `${WEB}/service-directory/PSVC001`,
      },
      last_status_change_at: resolved,
      resolved_at: resolved,
      acknowledgements: [],
    };
  });
}

/** Hourly level-1 shifts of one policy, `hours` of them from `startMs`. */
export function generatedOnCalls(
  policyId: string,
  hours: number,
  startMs: number,
): PdOnCall[] {
  const HOUR = 3_600_000;
  return Array.from({ length: hours }, (_, h) => ({
    escalation_policy: {
      id: policyId,
      type: 'escalation_policy_reference',
      summary: policyId,
      self: `${API}/escalation_policies/${policyId}`,
      html_url: `${WEB}/escalation_policies/${policyId}`,
    },
    escalation_level: 1,
    schedule: {
      id: 'PSCH001',
      type: 'schedule_reference',
      summary: 'Hourly',
      self: `${API}/schedules/PSCH001`,
      html_url: `${WEB}/schedules/PSCH001`,
    },
    user: {
      id: 'PUSER01',
      type: 'user',
      summary: 'Alex Kim',
      self: `${API}/users/PUSER01`,
      html_url: `${WEB}/users/PUSER01`,
      name: 'Alex Kim',
      email: 'alex@example.com',
      time_zone: 'UTC',
      role: 'user',
    },
    start: new Date(startMs + h * HOUR).toISOString(),
    end: new Date(startMs + (h + 1) * HOUR).toISOString(),
  }));
}
