import { LOG_ENTRY_KINDS } from '../fleetIndex';
import { notFound } from '../http/pagerDutyError';
import type { QueryParams } from '../http/queryParams';
import { paginate, parsePageRequest } from '../pagination';
import { renderLogEntry } from '../representations/renderLogEntry';
import type { Route, RouteRequest } from './route';

const DOCUMENTED_INCLUDES = ['incidents', 'services', 'channels', 'teams'];
const SUPPORTED_INCLUDES = ['incidents'] as const;
const NOTIFY = LOG_ENTRY_KINDS.indexOf('notify');

interface EntryRef {
  incident: number;
  kind: number;
  atMs: number;
}

function commonParams(query: QueryParams) {
  return {
    page: parsePageRequest(query),
    include: query.include(DOCUMENTED_INCLUDES, SUPPORTED_INCLUDES),
    sinceMs: query.timestamp('since') ?? -Infinity,
    untilMs: query.timestamp('until') ?? Infinity,
    // The overview leaves out notifications, keeping triggers, acks and resolves.
    overview: query.boolean('is_overview') ?? false,
  };
}

function respond(
  request: RouteRequest,
  list: readonly EntryRef[],
  params: ReturnType<typeof commonParams>,
) {
  const result = paginate(list, params.page, request.endlessMore);
  return {
    log_entries: result.items.map(e =>
      renderLogEntry(
        request.context,
        e.incident,
        LOG_ENTRY_KINDS[e.kind],
        e.atMs,
        {
          incidents: params.include.has('incidents'),
        },
      ),
    ),
    ...result.page,
  };
}

/** First position in a newest-first time column whose time is below `ms`. */
function firstBelow(atMs: Float64Array, length: number, ms: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atMs[mid] >= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `GET /log_entries` and `GET /incidents/{id}/log_entries`, newest first. */
export const logEntryRoutes: Route[] = [
  {
    method: 'GET',
    template: '/log_entries',
    handle(request) {
      const params = commonParams(request.query);
      const teamIds = request.query.list('team_ids');
      const { index } = request.context;
      const key = JSON.stringify([
        params.sinceMs,
        params.untilMs,
        params.overview,
        teamIds,
      ]);
      const list = request.memo(`log_entries|${key}`, () => {
        const columns = index.logEntries;
        // Entries in [since, until): skip those at or after until, stop below since.
        const start = Number.isFinite(params.untilMs)
          ? firstBelow(columns.atMs, columns.length, params.untilMs)
          : 0;
        const end = Number.isFinite(params.sinceMs)
          ? firstBelow(columns.atMs, columns.length, params.sinceMs)
          : columns.length;
        const selected: EntryRef[] = [];
        for (let i = start; i < end; i++) {
          if (params.overview && columns.kind[i] === NOTIFY) continue;
          if (teamIds.length) {
            const service = index.servicesById.get(
              index.incidents[columns.incident[i]].serviceId,
            );
            if (!service?.teamIds.some(t => teamIds.includes(t))) continue;
          }
          selected.push({
            incident: columns.incident[i],
            kind: columns.kind[i],
            atMs: columns.atMs[i],
          });
        }
        return selected;
      });
      return respond(request, list, params);
    },
  },
  {
    method: 'GET',
    template: '/incidents/{id}/log_entries',
    handle(request) {
      const params = commonParams(request.query);
      const { index } = request.context;
      const incidentIndex = index.incidentIndex(request.params.id);
      if (incidentIndex === undefined) {
        throw notFound();
      }
      const list = index
        .logEntriesOf(incidentIndex)
        .map(e => ({
          incident: incidentIndex,
          kind: LOG_ENTRY_KINDS.indexOf(e.kind),
          atMs: e.atMs,
        }))
        .filter(
          e =>
            e.atMs >= params.sinceMs &&
            e.atMs < params.untilMs &&
            !(params.overview && e.kind === NOTIFY),
        )
        .reverse();
      return respond(request, list, params);
    },
  },
];
