import { paginate, parsePageRequest } from '../pagination';
import { renderTeam } from '../representations/renderTeam';
import { matchesQuery } from './listFilters';
import type { Route } from './route';

/** `GET /teams`. */
export const teamRoutes: Route[] = [
  {
    method: 'GET',
    template: '/teams',
    handle(request) {
      const page = parsePageRequest(request.query);
      const text = request.query.string('query');
      const { index } = request.context;
      const list = request.memo(`teams|${text}`, () =>
        index.teamsByName.filter(t => matchesQuery(text, t.name)),
      );
      const result = paginate(list, page, request.endlessMore);
      return {
        teams: result.items.map(t => renderTeam(request.context, t)),
        ...result.page,
      };
    },
  },
];
