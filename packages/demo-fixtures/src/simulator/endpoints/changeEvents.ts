import type { FleetChangeEvent } from '../fixtures/fleetTypes';
import { invalidInput } from '../http/pagerDutyError';
import { paginate, parsePageRequest } from '../pagination';
import { serviceReference } from '../representations/references';
import type { RenderContext } from '../representations/renderContext';
import type { Route } from './route';

function renderChangeEvent(context: RenderContext, event: FleetChangeEvent) {
  const service = context.index.servicesById.get(event.serviceId);
  return {
    id: event.id,
    type: 'change_event',
    summary: event.summary,
    // Change event timestamps are always UTC in PagerDuty's answers.
    timestamp: new Date(event.atMs).toISOString().replace('.000Z', 'Z'),
    source: 'preflight-demo-ci',
    services: service ? [serviceReference(context, service)] : [],
    integration: {
      id: `PI${event.serviceId.slice(1, 6)}`,
      type: 'inbound_integration_reference',
    },
    links: [],
    custom_details: {},
  };
}

/**
 * `GET /change_events`: the account's change events in `[since, until)`
 * (both optional), newest first, with classic paging; `team_ids[]` and
 * `integration_ids[]` narrow by the services' teams and integrations.
 */
export const changeEventRoutes: Route[] = [
  {
    method: 'GET',
    template: '/change_events',
    handle(request) {
      const { query, context } = request;
      const page = parsePageRequest(query);
      const sinceMs = query.timestamp('since') ?? -Infinity;
      const untilMs = query.timestamp('until') ?? Infinity;
      if (untilMs < sinceMs) {
        throw invalidInput('until cannot be before since');
      }
      const teamIds = query.list('team_ids');
      const integrationIds = query.list('integration_ids');
      const key = JSON.stringify([sinceMs, untilMs, teamIds, integrationIds]);
      const list = request.memo(`change_events|${key}`, () => {
        const events = context.index.fleet.changeEvents?.() ?? [];
        return events
          .filter(event => {
            if (event.atMs < sinceMs || event.atMs >= untilMs) return false;
            const service = context.index.servicesById.get(event.serviceId);
            if (
              teamIds.length &&
              !service?.teamIds.some(t => teamIds.includes(t))
            ) {
              return false;
            }
            return (
              !integrationIds.length ||
              integrationIds.includes(`PI${event.serviceId.slice(1, 6)}`)
            );
          })
          .reverse();
      });
      const result = paginate(list, page, request.endlessMore);
      return {
        change_events: result.items.map(e => renderChangeEvent(context, e)),
        ...result.page,
      };
    },
  },
];
