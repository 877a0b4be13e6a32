import { notFound } from '../http/pagerDutyError';
import { paginate, parsePageRequest } from '../pagination';
import { renderUser } from '../representations/renderUser';
import { matchesQuery } from './listFilters';
import type { Route, RouteRequest } from './route';

const DOCUMENTED_INCLUDES = [
  'contact_methods',
  'notification_rules',
  'teams',
  'subdomains',
];
// Users have no notification rules in the simulator, so expanding them is a no-op.
const SUPPORTED_INCLUDES = ['contact_methods', 'notification_rules'] as const;

function includes(request: RouteRequest) {
  return request.query.include(DOCUMENTED_INCLUDES, SUPPORTED_INCLUDES);
}

/** `GET /users` and `GET /users/{id}`. */
export const userRoutes: Route[] = [
  {
    method: 'GET',
    template: '/users',
    handle(request) {
      const page = parsePageRequest(request.query);
      const include = includes(request);
      const teamIds = request.query.list('team_ids');
      const text = request.query.string('query');
      const { index } = request.context;
      const list = request.memo(`users|${teamIds}|${text}`, () =>
        index.usersByName.filter(
          u =>
            (teamIds.length === 0 ||
              u.teamIds.some(t => teamIds.includes(t))) &&
            matchesQuery(text, u.name, u.email),
        ),
      );
      const result = paginate(list, page, request.endlessMore);
      return {
        users: result.items.map(u =>
          renderUser(request.context, u, {
            contactMethods: include.has('contact_methods'),
          }),
        ),
        ...result.page,
      };
    },
  },
  {
    method: 'GET',
    template: '/users/{id}',
    handle(request) {
      const include = includes(request);
      const user = request.context.index.usersById.get(request.params.id);
      if (!user) {
        throw notFound();
      }
      return {
        user: renderUser(request.context, user, {
          contactMethods: include.has('contact_methods'),
        }),
      };
    },
  },
];
