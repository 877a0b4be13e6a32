import { http, HttpResponse } from 'msw';
import type {
  PdEscalationPolicy,
  PdIncident,
  PdLogEntry,
  PdOnCall,
  PdService,
  PdTeam,
  PdUser,
} from '../client/pagerDutyTypes';
import { pagedResponse } from './pagedResponse';

/** An account's data, in PagerDuty shapes. */
export interface FixtureAccount {
  teams: PdTeam[];
  services: PdService[];
  escalationPolicies: PdEscalationPolicy[];
  users: PdUser[];
  onCalls: PdOnCall[];
  incidents: PdIncident[];
  logEntries: PdLogEntry[];
}

const NOT_FOUND = { error: { message: 'Not Found', code: 2100 } };

/**
 * msw handlers that serve `data` with PagerDuty's filters (team_ids[],
 * escalation_policy_ids[], service_ids[], statuses[], since/until,
 * date_range=all, sort_by=name), paging and token check. Every request is recorded as
 * `METHOD path?query` in `requests`.
 */
export function fixtureHandlers(options: {
  baseUrl: string;
  token: string;
  data: FixtureAccount;
  requests?: URL[];
}) {
  const { baseUrl, data } = options;
  const guard =
    (
      handler: (
        request: Request,
        url: URL,
        params: Record<string, string>,
      ) => Response,
    ) =>
    ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, unknown>;
    }) => {
      const url = new URL(request.url);
      options.requests?.push(url);
      if (
        request.headers.get('authorization') !== `Token token=${options.token}`
      ) {
        return HttpResponse.json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        );
      }
      return handler(request, url, params as Record<string, string>);
    };
  const teamFilter = <T extends { teams?: Array<{ id: string }> }>(
    url: URL,
    items: T[],
  ) => {
    const ids = url.searchParams.getAll('team_ids[]');
    return ids.length
      ? items.filter(i => i.teams?.some(t => ids.includes(t.id)))
      : items;
  };
  // `sort_by=name[:asc|:desc]`, as services and escalation policies take it.
  const nameOrder = <T extends { name?: string }>(url: URL, items: T[]) => {
    const sortBy = url.searchParams.get('sort_by');
    if (!sortBy) {
      return items;
    }
    const sorted = [...items].sort((a, b) =>
      (a.name ?? '').localeCompare(b.name ?? '', 'en'),
    );
    return sortBy === 'name:desc' ? sorted.reverse() : sorted;
  };
  const window = (url: URL) => ({
    since: url.searchParams.has('since')
      ? Date.parse(url.searchParams.get('since')!)
      : -Infinity,
    until: url.searchParams.has('until')
      ? Date.parse(url.searchParams.get('until')!)
      : Infinity,
  });

  return [
    http.get(
      `${baseUrl}/teams`,
      guard(request => pagedResponse(request, 'teams', data.teams)),
    ),
    http.get(
      `${baseUrl}/services`,
      guard((request, url) =>
        pagedResponse(
          request,
          'services',
          nameOrder(url, teamFilter(url, data.services)),
        ),
      ),
    ),
    http.get(
      `${baseUrl}/services/:id`,
      guard((_request, _url, params) => {
        const service = data.services.find(s => s.id === params.id);
        return service
          ? HttpResponse.json({ service })
          : HttpResponse.json(NOT_FOUND, { status: 404 });
      }),
    ),
    http.get(
      `${baseUrl}/escalation_policies`,
      guard((request, url) =>
        pagedResponse(
          request,
          'escalation_policies',
          nameOrder(url, teamFilter(url, data.escalationPolicies)),
        ),
      ),
    ),
    http.get(
      `${baseUrl}/escalation_policies/:id`,
      guard((_request, _url, params) => {
        const policy = data.escalationPolicies.find(p => p.id === params.id);
        return policy
          ? HttpResponse.json({ escalation_policy: policy })
          : HttpResponse.json(NOT_FOUND, { status: 404 });
      }),
    ),
    http.get(
      `${baseUrl}/users`,
      guard((request, url) =>
        pagedResponse(request, 'users', teamFilter(url, data.users as any)),
      ),
    ),
    http.get(
      `${baseUrl}/users/:id`,
      guard((_request, _url, params) => {
        const user = data.users.find(u => u.id === params.id);
        return user
          ? HttpResponse.json({ user })
          : HttpResponse.json(NOT_FOUND, { status: 404 });
      }),
    ),
    http.get(
      `${baseUrl}/oncalls`,
      guard((request, url) => {
        const policies = url.searchParams.getAll('escalation_policy_ids[]');
        const { since, until } = window(url);
        const matching = data.onCalls.filter(
          entry =>
            (policies.length === 0 ||
              policies.includes(entry.escalation_policy.id)) &&
            (entry.start === null || Date.parse(entry.start) < until) &&
            (entry.end === null || Date.parse(entry.end) > since),
        );
        // Without include[]=users PagerDuty sends user references only.
        const withUsers = url.searchParams
          .getAll('include[]')
          .includes('users');
        return pagedResponse(
          request,
          'oncalls',
          withUsers
            ? matching
            : matching.map(entry => ({
                ...entry,
                user: {
                  id: entry.user.id,
                  type: 'user_reference',
                  summary: entry.user.summary,
                  self: entry.user.self,
                  html_url: entry.user.html_url,
                },
              })),
        );
      }),
    ),
    http.get(
      `${baseUrl}/incidents`,
      guard((request, url) => {
        const statuses = url.searchParams.getAll('statuses[]');
        const serviceIds = url.searchParams.getAll('service_ids[]');
        const all = url.searchParams.get('date_range') === 'all';
        const { since, until } = window(url);
        const matching = data.incidents.filter(incident => {
          const created = Date.parse(incident.created_at);
          return (
            (statuses.length === 0 || statuses.includes(incident.status)) &&
            (serviceIds.length === 0 ||
              serviceIds.includes(incident.service.id)) &&
            (all || (created >= since && created < until))
          );
        });
        return pagedResponse(request, 'incidents', matching);
      }),
    ),
    http.get(
      `${baseUrl}/incidents/:id/log_entries`,
      guard((request, _url, params) => {
        if (!data.incidents.some(i => i.id === params.id)) {
          return HttpResponse.json(NOT_FOUND, { status: 404 });
        }
        return pagedResponse(
          request,
          'log_entries',
          data.logEntries.filter(entry => entry.incident?.id === params.id),
        );
      }),
    ),
    http.get(
      `${baseUrl}/log_entries`,
      guard((request, url) => {
        const { since, until } = window(url);
        return pagedResponse(
          request,
          'log_entries',
          data.logEntries.filter(entry => {
            const at = Date.parse(entry.created_at);
            return at >= since && at < until;
          }),
        );
      }),
    ),
  ];
}
