import { notFound } from '../http/pagerDutyError';
import { paginate, parsePageRequest } from '../pagination';
import { renderService } from '../representations/renderService';
import { inNameOrder, matchesQuery, nameSortDescending } from './listFilters';
import type { Route, RouteRequest } from './route';

const DOCUMENTED_INCLUDES = [
  'escalation_policies',
  'teams',
  'integrations',
  'auto_pause_notifications_parameters',
];
// Services have no integrations in the simulator, so expanding them is a no-op.
const SUPPORTED_INCLUDES = [
  'escalation_policies',
  'teams',
  'integrations',
] as const;

function includes(request: RouteRequest) {
  const include = request.query.include(
    DOCUMENTED_INCLUDES,
    SUPPORTED_INCLUDES,
  );
  return {
    escalationPolicies: include.has('escalation_policies'),
    teams: include.has('teams'),
  };
}

/** `GET /services` and `GET /services/{id}`. */
export const serviceRoutes: Route[] = [
  {
    method: 'GET',
    template: '/services',
    handle(request) {
      const page = parsePageRequest(request.query);
      const include = includes(request);
      const teamIds = request.query.list('team_ids');
      const text = request.query.string('query');
      const name = request.query.string('name');
      const descending = nameSortDescending(request.query);
      const { index } = request.context;
      const list = request.memo(
        `services|${teamIds}|${text}|${name}|${descending}`,
        () =>
          inNameOrder(
            index.servicesByName.filter(
              s =>
                (teamIds.length === 0 ||
                  s.teamIds.some(t => teamIds.includes(t))) &&
                matchesQuery(text, s.name) &&
                (name === undefined || s.name === name),
            ),
            descending,
          ),
      );
      const result = paginate(list, page, request.endlessMore);
      return {
        services: result.items.map(s =>
          renderService(request.context, s, include),
        ),
        ...result.page,
      };
    },
  },
  {
    method: 'GET',
    template: '/services/{id}',
    handle(request) {
      const include = includes(request);
      const service = request.context.index.servicesById.get(request.params.id);
      if (!service) {
        throw notFound();
      }
      return { service: renderService(request.context, service, include) };
    },
  },
];
