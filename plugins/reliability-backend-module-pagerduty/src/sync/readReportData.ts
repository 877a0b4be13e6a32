import type {
  OnCallChangeEvent,
  OnCallReportData,
  OnCallReportIncident,
  OnCallReportShift,
} from '@preflight/plugin-reliability-node';
import { isPagerDutyError } from '../client/PagerDutyError';
import type {
  PdChangeEvent,
  PdIncident,
  PdLogEntry,
} from '../client/pagerDutyTypes';
import { collectIncidentTimes } from './collectIncidentTimes';
import { dedupeById } from './dedupeById';
import { listOnCalls } from './listOnCalls';
import { listSplitByTime } from './listSplitByTime';
import { mapIncident } from './mapIncident';
import type { SyncContext } from './SyncContext';

const DAY_MS = 86_400_000;
// GET /incidents refuses since/until more than 6 months apart; reading in
// 90-day windows stays well inside it for every list read here.
const WINDOW_MS = 90 * DAY_MS;
// Old incidents that changed since the last read (seen in the log but
// created before the window) are read one by one, at most this many per
// sync: about 6 s of a 960/min budget. The rest wait for the next sync.
const MAX_CHANGED_LOOKUPS = 100;
const ALL_STATUSES = ['triggered', 'acknowledged', 'resolved'];
const PAGERDUTY_ID = /^[A-Z0-9]{2,32}$/;

function windows(since: number, until: number) {
  const result: Array<{ since: number; until: number }> = [];
  for (let start = since; start < until; start += WINDOW_MS) {
    result.push({ since: start, until: Math.min(until, start + WINDOW_MS) });
  }
  return result;
}

async function listInWindows<T extends { id: string }>(
  context: SyncContext,
  list: { path: string; key: string; query: Record<string, any> },
  since: number,
  until: number,
): Promise<T[]> {
  const items: T[] = [];
  for (const window of windows(since, until)) {
    items.push(
      ...(await listSplitByTime<T & { type: string }>(context, {
        ...list,
        since: window.since,
        until: window.until,
      })),
    );
  }
  return dedupeById(items);
}

/**
 * Incidents resolved by no person: PagerDuty writes the resolve log entry
 * with the agent that resolved it, a user for a person, a service or an
 * integration when monitoring recovered or the auto-resolve timeout fired.
 */
function autoResolvedIds(entries: readonly PdLogEntry[]): Map<string, boolean> {
  const byIncident = new Map<string, boolean>();
  for (const entry of entries) {
    if (entry.type !== 'resolve_log_entry' || !entry.incident?.id) continue;
    const agentType = entry.agent?.type;
    if (agentType) {
      byIncident.set(entry.incident.id, agentType !== 'user_reference');
    }
  }
  return byIncident;
}

/**
 * Reads what reliability reports need of one account over `[since, until)`
 * in bulk, through the sync's client (its timeouts, retries and rate
 * limiter): incidents created in the window with their acknowledge and
 * resolve times and whether a person resolved them (from the overview log,
 * `GET /log_entries?is_overview=true`), incidents created earlier whose log
 * moved since `changedSince` (one by one, bounded), change events
 * (`GET /change_events`) and the level-1 shifts of the given escalation
 * policies (`GET /oncalls`). Lists are read in 90-day windows, split further
 * when one holds more than PagerDuty's offset cap.
 */
export async function readReportData(
  context: SyncContext,
  options: {
    since: number;
    until: number;
    changedSince?: number;
    policyIds: string[];
    onCallBatchSize: number;
  },
): Promise<OnCallReportData> {
  const { client, signal, warnings } = context;
  const { since, until } = options;
  const logSince = Math.min(since, options.changedSince ?? since);

  const created = await listInWindows<PdIncident>(
    context,
    {
      path: '/incidents',
      key: 'incidents',
      query: { 'statuses[]': ALL_STATUSES },
    },
    since,
    until,
  );
  const log = await listInWindows<PdLogEntry>(
    context,
    { path: '/log_entries', key: 'log_entries', query: { is_overview: true } },
    logSince,
    until,
  );

  const known = new Set(created.map(incident => incident.id));
  const changed = [
    ...new Set(
      log.flatMap(entry =>
        entry.incident?.id &&
        !known.has(entry.incident.id) &&
        PAGERDUTY_ID.test(entry.incident.id)
          ? [entry.incident.id]
          : [],
      ),
    ),
  ];
  if (changed.length > MAX_CHANGED_LOOKUPS) {
    warnings.push(
      `incidents: ${changed.length} incidents created before ${new Date(
        since,
      ).toISOString()} changed since; ${MAX_CHANGED_LOOKUPS} were read, the rest are read by later syncs`,
    );
  }
  const older: PdIncident[] = [];
  for (const id of changed.slice(0, MAX_CHANGED_LOOKUPS)) {
    try {
      const { incident } = await client.get<{ incident: PdIncident }>(
        `/incidents/${id}`,
        {},
        { signal },
      );
      older.push(incident);
    } catch (error) {
      // A deleted incident fails neither the read nor the others.
      if (!isPagerDutyError(error, 'not-found')) throw error;
    }
  }

  // The log of older incidents may start before `logSince`: their times
  // fall back to the incident's own fields (see mapIncident).
  const times = collectIncidentTimes(log);
  const auto = autoResolvedIds(log);
  const incidents: OnCallReportIncident[] = [...created, ...older]
    .filter(incident => incident.service?.id)
    .map(incident => {
      const fact: OnCallReportIncident = mapIncident(
        incident,
        times.get(incident.id),
      );
      const autoResolved = auto.get(incident.id);
      if (fact.status === 'resolved' && autoResolved !== undefined) {
        fact.autoResolved = autoResolved;
      }
      return fact;
    });

  const events = await listInWindows<PdChangeEvent>(
    context,
    { path: '/change_events', key: 'change_events', query: {} },
    since,
    until,
  );
  const changeEvents: OnCallChangeEvent[] = events.flatMap(event =>
    (event.services ?? []).map(service => ({
      // One event may touch several services; each counts it once.
      id:
        (event.services?.length ?? 0) > 1
          ? `${event.id}:${service.id}`
          : event.id,
      serviceId: service.id,
      timestamp: event.timestamp,
    })),
  );

  const onCalls = options.policyIds.length
    ? await listOnCalls(context, {
        policyIds: options.policyIds,
        since,
        until,
        batchSize: options.onCallBatchSize,
        includeUsers: true,
        levels: [1],
      })
    : [];
  const seen = new Set<string>();
  const shifts: OnCallReportShift[] = [];
  for (const entry of onCalls) {
    const policyId = entry.escalation_policy?.id;
    if (!policyId || !entry.user?.id) continue;
    const key = `${policyId}|${entry.user.id}|${entry.start}|${entry.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    shifts.push({
      policyId,
      user: {
        id: entry.user.id,
        name: entry.user.name ?? entry.user.summary ?? entry.user.id,
        ...(entry.user.time_zone ? { timeZone: entry.user.time_zone } : {}),
      },
      start: entry.start,
      end: entry.end,
    });
  }
  return { incidents, changeEvents, shifts, warnings };
}
