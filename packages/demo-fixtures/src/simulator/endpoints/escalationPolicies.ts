import { notFound } from '../http/pagerDutyError';
import { paginate, parsePageRequest } from '../pagination';
import { renderEscalationPolicy } from '../representations/renderEscalationPolicy';
import { inNameOrder, matchesQuery, nameSortDescending } from './listFilters';
import type { Route, RouteRequest } from './route';

const DOCUMENTED_INCLUDES = [
  'services',
  'teams',
  'targets',
  'escalation_rule_assignment_strategies',
];
const SUPPORTED_INCLUDES = ['teams', 'targets'] as const;

function includes(request: RouteRequest) {
  const include = request.query.include(
    DOCUMENTED_INCLUDES,
    SUPPORTED_INCLUDES,
  );
  return { targets: include.has('targets'), teams: include.has('teams') };
}

/** `GET /escalation_policies` and `GET /escalation_policies/{id}`. */
export const escalationPolicyRoutes: Route[] = [
  {
    method: 'GET',
    template: '/escalation_policies',
    handle(request) {
      const page = parsePageRequest(request.query);
      const include = includes(request);
      const teamIds = request.query.list('team_ids');
      const userIds = request.query.list('user_ids');
      const text = request.query.string('query');
      const descending = nameSortDescending(request.query);
      const { index } = request.context;
      const list = request.memo(
        `policies|${teamIds}|${userIds}|${text}|${descending}`,
        () =>
          inNameOrder(
            index.policiesByName.filter(
              p =>
                (teamIds.length === 0 ||
                  p.teamIds.some(t => teamIds.includes(t))) &&
                (userIds.length === 0 ||
                  userIds.some(u => index.policyIdsByUser.get(u)?.has(p.id))) &&
                matchesQuery(text, p.name),
            ),
            descending,
          ),
      );
      const result = paginate(list, page, request.endlessMore);
      return {
        escalation_policies: result.items.map(p =>
          renderEscalationPolicy(request.context, p, include),
        ),
        ...result.page,
      };
    },
  },
  {
    method: 'GET',
    template: '/escalation_policies/{id}',
    handle(request) {
      const include = includes(request);
      const policy = request.context.index.policiesById.get(request.params.id);
      if (!policy) {
        throw notFound();
      }
      return {
        escalation_policy: renderEscalationPolicy(
          request.context,
          policy,
          include,
        ),
      };
    },
  },
];
