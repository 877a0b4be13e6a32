import type { FleetIncident } from '../fixtures/fleetTypes';
import { incidentStatus } from '../fixtures/incidentStatus';
import { invalidInput, notFound } from '../http/pagerDutyError';
import type { QueryParams } from '../http/queryParams';
import { paginate, parsePageRequest } from '../pagination';
import { renderIncident } from '../representations/renderIncident';
import type { Route } from './route';

const DOCUMENTED_INCLUDES = [
  'acknowledgers',
  'agents',
  'assignees',
  'conference_bridge',
  'escalation_policies',
  'first_trigger_log_entries',
  'priorities',
  'services',
  'teams',
  'users',
];
const STATUSES = ['triggered', 'acknowledged', 'resolved'];
const URGENCIES = ['high', 'low'];
const SORT_FIELDS = ['incident_number', 'created_at', 'resolved_at', 'urgency'];

function monthsBefore(ms: number, months: number): number {
  const date = new Date(ms);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.getTime();
}

/**
 * The created-at window of an incident query: `date_range=all` lifts it;
 * otherwise since/until default to the last month and may be at most six
 * months apart (PagerDuty answers 400 beyond that).
 */
export function incidentWindow(
  query: QueryParams,
  nowMs: number,
): { sinceMs: number; untilMs: number } {
  const dateRange = query.string('date_range');
  if (dateRange !== undefined && dateRange !== 'all') {
    throw invalidInput('date_range must be all');
  }
  const since = query.timestamp('since');
  const until = query.timestamp('until');
  if (dateRange === 'all') {
    return { sinceMs: -Infinity, untilMs: Infinity };
  }
  const untilMs =
    until ?? (since !== undefined ? Math.max(nowMs, since) : nowMs);
  const sinceMs = since ?? monthsBefore(untilMs, 1);
  if (untilMs < sinceMs) {
    throw invalidInput('until cannot be before since');
  }
  if (monthsBefore(untilMs, 6) > sinceMs) {
    throw invalidInput(
      'The date range between since and until cannot exceed 6 months',
    );
  }
  return { sinceMs, untilMs };
}

type Comparator = (a: FleetIncident, b: FleetIncident) => number;

function sortComparator(query: QueryParams): Comparator | undefined {
  const sortBy = query.string('sort_by');
  if (!sortBy) {
    return undefined;
  }
  const parts = sortBy.split(',');
  if (parts.length > 2) {
    throw invalidInput('sort_by accepts at most two fields');
  }
  const comparators = parts.map((part): Comparator => {
    const [field, direction = 'asc', ...rest] = part.split(':');
    if (
      !SORT_FIELDS.includes(field) ||
      !['asc', 'desc'].includes(direction) ||
      rest.length
    ) {
      throw invalidInput(`sort_by ${part} is not a valid sort`);
    }
    const sign = direction === 'desc' ? -1 : 1;
    const key = (i: FleetIncident): number => {
      switch (field) {
        case 'incident_number':
          return i.number;
        case 'created_at':
          return i.createdAtMs;
        case 'resolved_at':
          return i.resolvedAtMs ?? Infinity;
        default:
          return i.urgency === 'high' ? 1 : 0;
      }
    };
    return (a, b) => sign * (key(a) - key(b) || 0);
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result) {
        return result;
      }
    }
    return a.number - b.number;
  };
}

/** `GET /incidents` and `GET /incidents/{id}`. */
export const incidentRoutes: Route[] = [
  {
    method: 'GET',
    template: '/incidents/{id}',
    handle(request) {
      request.query.include(DOCUMENTED_INCLUDES, []);
      const { index } = request.context;
      const position = index.incidentIndex(request.params.id);
      if (position === undefined) {
        throw notFound();
      }
      return {
        incident: renderIncident(request.context, index.incidents[position]),
      };
    },
  },
  {
    method: 'GET',
    template: '/incidents',
    handle(request) {
      const { query } = request;
      const page = parsePageRequest(query);
      query.include(DOCUMENTED_INCLUDES, []);
      const { sinceMs, untilMs } = incidentWindow(query, request.nowMs);
      const statuses = query.list('statuses');
      if (statuses.some(s => !STATUSES.includes(s))) {
        throw invalidInput(
          'Status must be a list of triggered, acknowledged, or resolved.',
        );
      }
      const urgencies = query.list('urgencies');
      if (urgencies.some(u => !URGENCIES.includes(u))) {
        throw invalidInput('Urgencies must be a list of high or low.');
      }
      const serviceIds = query.list('service_ids');
      const teamIds = query.list('team_ids');
      const userIds = query.list('user_ids');
      const incidentKey = query.string('incident_key');
      const comparator = sortComparator(query);
      const { index } = request.context;
      const key = JSON.stringify([
        sinceMs,
        untilMs,
        statuses,
        urgencies,
        serviceIds,
        teamIds,
        userIds,
        incidentKey,
        query.string('sort_by'),
      ]);
      const list = request.memo(`incidents|${key}`, () => {
        const selected = index.incidents.filter(incident => {
          if (incident.createdAtMs < sinceMs || incident.createdAtMs >= untilMs)
            return false;
          const status = incidentStatus(incident);
          if (statuses.length && !statuses.includes(status)) return false;
          if (urgencies.length && !urgencies.includes(incident.urgency))
            return false;
          if (serviceIds.length && !serviceIds.includes(incident.serviceId))
            return false;
          if (incidentKey !== undefined && incident.incidentKey !== incidentKey)
            return false;
          if (teamIds.length) {
            const service = index.servicesById.get(incident.serviceId);
            if (!service?.teamIds.some(t => teamIds.includes(t))) return false;
          }
          // Only open incidents are assigned to anybody.
          if (
            userIds.length &&
            (status === 'resolved' ||
              !userIds.includes(incident.notifiedUserId ?? ''))
          )
            return false;
          return true;
        });
        return comparator ? selected.sort(comparator) : selected;
      });
      const result = paginate(list, page, request.endlessMore);
      return {
        incidents: result.items.map(i => renderIncident(request.context, i)),
        ...result.page,
      };
    },
  },
];
