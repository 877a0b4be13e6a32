import type { LoggerService } from '@backstage/backend-plugin-api';
import type { OnCallSnapshot } from '@preflight/plugin-reliability-common';
import type { OnCallReportData } from '@preflight/plugin-reliability-node';
import { type Clock, systemClock } from '../client/Clock';
import type { PagerDutyClient } from '../client/PagerDutyClient';
import { isPagerDutyError, PagerDutyError } from '../client/PagerDutyError';
import type {
  PdEscalationPolicy,
  PdIncident,
  PdLogEntry,
  PdOnCall,
  PdService,
  PdTeam,
  PdUser,
} from '../client/pagerDutyTypes';
import {
  DEFAULT_PAGERDUTY_SYNC_SETTINGS,
  type PagerDutySyncSettings,
} from '../config/PagerDutyModuleConfig';
import { buildSnapshot } from './buildSnapshot';
import { dedupeById } from './dedupeById';
import { listOnCalls } from './listOnCalls';
import { listSplitByTeams } from './listSplitByTeams';
import { listSplitByTime } from './listSplitByTime';
import {
  OnCallHistoryCache,
  type OnCallHistoryReader,
} from './OnCallHistoryCache';
import { readReportData } from './readReportData';
import { readUnlistedServices } from './readUnlistedServices';
import type { SyncContext } from './SyncContext';

/** Options of {@link createPagerDutySync}. */
export interface PagerDutySyncOptions {
  client: PagerDutyClient;
  settings?: Partial<PagerDutySyncSettings>;
  logger?: LoggerService;
  clock?: Clock;
}

/** Per-run options of a {@link PagerDutySync}. */
export interface PagerDutySyncRunOptions {
  signal?: AbortSignal;
  /**
   * The service ids the catalog annotates for this account; asked only when
   * the service list is too long to read whole, to read the services it
   * missed one by one.
   */
  annotatedServiceIds?: () => Promise<string[]>;
}

/** Reads one PagerDuty account into snapshots. */
export interface PagerDutySync {
  /**
   * Bulk read of the whole account: paged lists only, no per-service calls.
   */
  syncAccount(options?: PagerDutySyncRunOptions): Promise<OnCallSnapshot>;
  /**
   * Reads one service, its escalation policy, on-calls and incidents, for an
   * explicit "refresh now". Throws a `not-found` {@link PagerDutyError} when
   * the service does not exist.
   */
  syncService(
    serviceId: string,
    options?: PagerDutySyncRunOptions,
  ): Promise<OnCallSnapshot>;
  /**
   * Bulk read of what reports need over `[since, until)`: incidents with
   * their timing, change events and level-1 shifts (see `readReportData`).
   */
  syncReportData(options: {
    since: Date;
    until: Date;
    changedSince?: Date;
    signal?: AbortSignal;
  }): Promise<OnCallReportData>;
}

const ALL_STATUSES = ['triggered', 'acknowledged', 'resolved'];
const OPEN_STATUSES = ['triggered', 'acknowledged'];
const DAY_MS = 24 * 60 * 60 * 1000;
// Ids go into URL paths; PagerDuty ids are short upper-case alphanumerics.
const PAGERDUTY_ID = /^[A-Z0-9]{2,32}$/;
// "Refresh now" reads each on-call person's contact methods and each
// incident's log one by one; these bounds keep one click cheap.
const MAX_USER_LOOKUPS = 25;
const MAX_INCIDENT_LOG_LOOKUPS = 100;
// Annotated services a capped service listing missed, read one by one per
// bulk sync (about 12 s of a 960/min budget); the rest wait for later syncs.
const MAX_UNLISTED_SERVICE_LOOKUPS = 200;

/**
 * Creates the sync of one PagerDuty account over a client. Used by the
 * backend module's provider and directly by the benchmark.
 */
export function createPagerDutySync(
  options: PagerDutySyncOptions,
): PagerDutySync {
  const { client, logger } = options;
  const clock = options.clock ?? systemClock;
  const settings: PagerDutySyncSettings = {
    ...DEFAULT_PAGERDUTY_SYNC_SETTINGS,
    ...options.settings,
  };
  // Bulk syncs of this account share it; a one-service refresh reads its
  // own policy's history.
  const historyCache = new OnCallHistoryCache();
  // The escalation policies the last account sync listed: report reads
  // (which follow it in the same task) need their ids, not a second listing.
  let knownPolicyIds: string[] | undefined;

  function windows(now: number) {
    return {
      onCallSince: now - settings.onCallLookbackDays * DAY_MS,
      onCallUntil: now + settings.onCallHorizonDays * DAY_MS,
      // Pages per shift divides the window's high-urgency incidents by the
      // window's level-1 shifts, so level-1 shifts are also read over the
      // part of the incident window before the shifts kept for display.
      historySince: now - settings.incidentWindowDays * DAY_MS,
      incidentsSince: now - settings.incidentWindowDays * DAY_MS,
    };
  }

  /**
   * On-calls of the given policies: full entries (with users) over the
   * displayed window, and level-1 entries alone (without users, which only
   * the display needs) over the older rest of the incident window.
   */
  async function readOnCalls(
    context: SyncContext,
    policyIds: string[],
    now: number,
    batchSize: number,
    cache?: OnCallHistoryCache,
  ) {
    const { onCallSince, onCallUntil, historySince } = windows(now);
    const current = await listOnCalls(context, {
      policyIds,
      since: onCallSince,
      until: onCallUntil,
      batchSize,
    });
    const readHistory: OnCallHistoryReader = (ids, since, until) =>
      listOnCalls(context, {
        policyIds: ids,
        since,
        until,
        batchSize,
        includeUsers: false,
        levels: [1],
      });
    let history: PdOnCall[] = [];
    if (historySince < onCallSince) {
      history = cache
        ? await cache.read(
            { policyIds, since: historySince, until: onCallSince, now },
            readHistory,
          )
        : await readHistory(policyIds, historySince, onCallSince);
    }
    // Current entries first: a shift listed by both keeps its full entry.
    return [...current, ...history];
  }

  /** The ids the catalog annotates; none, with a warning, when it cannot say. */
  async function annotatedServiceIds(
    run: PagerDutySyncRunOptions,
    context: SyncContext,
  ): Promise<string[]> {
    try {
      return (await run.annotatedServiceIds?.()) ?? [];
    } catch (error) {
      if (run.signal?.aborted) {
        throw error;
      }
      context.warnings.push(
        `services: the catalog could not say which services are annotated (${
          error instanceof Error ? error.message : String(error)
        }); services the listing missed are shown as not synced yet`,
      );
      return [];
    }
  }

  function snapshotOptions(now: number, warnings: string[]) {
    return {
      now: new Date(now),
      incidentWindowDays: settings.incidentWindowDays,
      keepShiftsEndingAfter: new Date(
        now - settings.onCallLookbackDays * DAY_MS,
      ),
      warnings,
    };
  }

  async function syncAccount(
    run: PagerDutySyncRunOptions = {},
  ): Promise<OnCallSnapshot> {
    const now = clock.now();
    const context: SyncContext = { client, signal: run.signal, warnings: [] };
    const { incidentsSince } = windows(now);
    const before = client.stats();
    let teams: Promise<PdTeam[]> | undefined;
    const loadTeams = () => {
      teams ??= client
        .list<PdTeam>(
          '/teams',
          'teams',
          {},
          { signal: run.signal, stopWhenOverCap: false },
        )
        .then(result => {
          if (!result.complete) {
            context.warnings.push(
              `teams: only the first ${result.items.length} teams could be listed to split long lists by`,
            );
          }
          return result.items;
        });
      return teams;
    };

    const serviceList = await listSplitByTeams<PdService>(
      context,
      {
        path: '/services',
        key: 'services',
        query: { 'include[]': ['teams'] },
        sortableByName: true,
      },
      loadTeams,
    );
    const policyList = await listSplitByTeams<PdEscalationPolicy>(
      context,
      {
        path: '/escalation_policies',
        key: 'escalation_policies',
        query: {},
        sortableByName: true,
      },
      loadTeams,
    );
    const services = serviceList.items;
    const policies = policyList.items;
    knownPolicyIds = policies.map(policy => policy.id);
    let incompleteServices: OnCallSnapshot['incompleteServices'];
    if (!serviceList.complete || !policyList.complete) {
      const unlisted = await readUnlistedServices(context, {
        annotatedIds: await annotatedServiceIds(run, context),
        listed: services,
        listedPolicies: policies,
        policiesIncomplete: !policyList.complete,
        maxLookups: MAX_UNLISTED_SERVICE_LOOKUPS,
      });
      services.push(...unlisted.services);
      policies.push(...unlisted.policies);
      if (!serviceList.complete) {
        incompleteServices = { confirmedMissing: unlisted.confirmedMissing };
      }
      const looked =
        unlisted.services.length +
        unlisted.confirmedMissing.length +
        unlisted.unreached.length;
      if (looked > 0) {
        context.warnings.push(
          `services: ${looked} annotated services were not in the listing: ${unlisted.services.length} read one by one, ${unlisted.confirmedMissing.length} do not exist in PagerDuty, ${unlisted.unreached.length} wait for a later sync (shown as not synced yet)`,
        );
      }
    }
    const users = (
      await listSplitByTeams<PdUser>(
        context,
        {
          path: '/users',
          key: 'users',
          query: { 'include[]': ['contact_methods'] },
          sortableByName: false,
        },
        loadTeams,
      )
    ).items;
    const onCalls = await readOnCalls(
      context,
      policies.map(policy => policy.id),
      now,
      settings.onCallBatchSize,
      historyCache,
    );
    const recent = await listSplitByTime<PdIncident>(context, {
      path: '/incidents',
      key: 'incidents',
      query: { 'statuses[]': ALL_STATUSES },
      since: incidentsSince,
      until: now,
    });
    // Open incidents older than the window still belong on the entity page.
    const open = await client.list<PdIncident>(
      '/incidents',
      'incidents',
      { 'statuses[]': OPEN_STATUSES, date_range: 'all' },
      { signal: run.signal, stopWhenOverCap: false },
    );
    if (!open.complete) {
      context.warnings.push(
        `incidents: ${
          open.total ?? 'more than 10,000'
        } incidents are open, more than PagerDuty can list (10,000 offset limit); only ${
          open.items.length
        } are shown`,
      );
    }
    const logEntries = await listSplitByTime<PdLogEntry>(context, {
      path: '/log_entries',
      key: 'log_entries',
      query: { is_overview: true },
      since: incidentsSince,
      until: now,
    });

    const snapshot = buildSnapshot(
      {
        services,
        policies,
        users,
        onCalls,
        incidents: dedupeById([...recent, ...open.items]),
        logEntries,
      },
      snapshotOptions(now, context.warnings),
    );
    if (incompleteServices) {
      snapshot.incompleteServices = incompleteServices;
    }
    const after = client.stats();
    logger?.info(
      `PagerDuty account "${client.accountId}" synced: ${
        services.length
      } services, ${policies.length} escalation policies, ${
        users.length
      } users, ${onCalls.length} on-call entries, ${
        recent.length
      } recent incidents; ${after.requests - before.requests} requests, ${
        after.rateLimited - before.rateLimited
      } rate limited, ${after.retries - before.retries} retries, ${
        snapshot.warnings.length
      } warnings`,
    );
    for (const warning of snapshot.warnings) {
      logger?.warn(`PagerDuty account "${client.accountId}": ${warning}`);
    }
    return snapshot;
  }

  async function syncService(
    serviceId: string,
    run: PagerDutySyncRunOptions = {},
  ): Promise<OnCallSnapshot> {
    if (!PAGERDUTY_ID.test(serviceId)) {
      throw new PagerDutyError({
        kind: 'bad-request',
        accountId: client.accountId,
        message: `PagerDuty account "${client.accountId}": "${serviceId}" is not a PagerDuty service id; nothing was requested`,
      });
    }
    const now = clock.now();
    const { signal } = run;
    const context: SyncContext = { client, signal, warnings: [] };
    const { incidentsSince } = windows(now);

    const { service } = await client.get<{ service: PdService }>(
      `/services/${serviceId}`,
      { 'include[]': ['teams'] },
      { signal },
    );
    const policyId = service.escalation_policy?.id;
    const policies: PdEscalationPolicy[] = [];
    if (policyId && PAGERDUTY_ID.test(policyId)) {
      const { escalation_policy } = await client.get<{
        escalation_policy: PdEscalationPolicy;
      }>(`/escalation_policies/${policyId}`, {}, { signal });
      policies.push(escalation_policy);
    }
    const onCalls = policies.length
      ? await readOnCalls(context, [policies[0].id], now, 1)
      : [];

    const userIds = [...new Set(onCalls.map(entry => entry.user.id))].filter(
      id => PAGERDUTY_ID.test(id),
    );
    if (userIds.length > MAX_USER_LOOKUPS) {
      context.warnings.push(
        `users: ${userIds.length} people are on call; contact methods were read for the first ${MAX_USER_LOOKUPS}`,
      );
    }
    const users: PdUser[] = [];
    const unreadPeople = userIds.slice(MAX_USER_LOOKUPS);
    for (const id of userIds.slice(0, MAX_USER_LOOKUPS)) {
      try {
        const { user } = await client.get<{ user: PdUser }>(
          `/users/${id}`,
          { 'include[]': ['contact_methods'] },
          { signal },
        );
        users.push(user);
      } catch (error) {
        // One user that cannot be read (deleted since the on-call list was
        // read) fails neither the refresh nor the others; the snapshot says
        // so, and the stored contact methods are kept.
        if (!isPagerDutyError(error, 'not-found')) throw error;
        unreadPeople.push(id);
        context.warnings.push(
          `users: ${id} is on call but GET /users/${id} found nothing; the contact methods known before are kept`,
        );
      }
    }

    const recent = await listSplitByTime<PdIncident>(context, {
      path: '/incidents',
      key: 'incidents',
      query: { 'service_ids[]': [serviceId], 'statuses[]': ALL_STATUSES },
      since: incidentsSince,
      until: now,
    });
    const open = await client.list<PdIncident>(
      '/incidents',
      'incidents',
      {
        'service_ids[]': [serviceId],
        'statuses[]': OPEN_STATUSES,
        date_range: 'all',
      },
      { signal, stopWhenOverCap: false },
    );
    const incidents = dedupeById([...recent, ...open.items]);

    // Only resolved incidents lack an acknowledge time on the incident
    // itself (`acknowledgements` is emptied on resolve).
    const needLog = recent.filter(
      incident =>
        incident.status === 'resolved' && PAGERDUTY_ID.test(incident.id),
    );
    if (needLog.length > MAX_INCIDENT_LOG_LOOKUPS) {
      context.warnings.push(
        `incidents: acknowledge times were read for the newest ${MAX_INCIDENT_LOG_LOOKUPS} of ${needLog.length} resolved incidents; a full sync reads them all`,
      );
    }
    const newestFirst = [...needLog].sort(
      (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at),
    );
    const logEntries: PdLogEntry[] = [];
    for (const incident of newestFirst.slice(0, MAX_INCIDENT_LOG_LOOKUPS)) {
      const log = await client.list<PdLogEntry>(
        `/incidents/${incident.id}/log_entries`,
        'log_entries',
        { is_overview: true },
        { signal, stopWhenOverCap: false },
      );
      // The per-incident log omits the incident reference on some entries;
      // it is implied by the path.
      logEntries.push(
        ...log.items.map(entry => ({
          ...entry,
          incident: entry.incident ?? {
            id: incident.id,
            type: 'incident_reference',
          },
        })),
      );
    }

    const snapshot = buildSnapshot(
      { services: [service], policies, users, onCalls, incidents, logEntries },
      snapshotOptions(now, context.warnings),
    );
    return unreadPeople.length > 0 ? { ...snapshot, unreadPeople } : snapshot;
  }

  async function syncReportData(run: {
    since: Date;
    until: Date;
    changedSince?: Date;
    signal?: AbortSignal;
  }): Promise<OnCallReportData> {
    const context: SyncContext = {
      client,
      signal: run.signal,
      warnings: [],
    };
    let policyIds = knownPolicyIds;
    if (!policyIds) {
      const listed = await client.list<PdEscalationPolicy>(
        '/escalation_policies',
        'escalation_policies',
        {},
        { signal: run.signal, stopWhenOverCap: false },
      );
      if (!listed.complete) {
        context.warnings.push(
          `escalation_policies: only the first ${listed.items.length} policies could be listed; the shifts of the others are not in the reports`,
        );
      }
      policyIds = listed.items.map(policy => policy.id);
    }
    const before = client.stats();
    const data = await readReportData(context, {
      since: run.since.getTime(),
      until: run.until.getTime(),
      changedSince: run.changedSince?.getTime(),
      policyIds,
      onCallBatchSize: settings.onCallBatchSize,
    });
    const after = client.stats();
    logger?.info(
      `PagerDuty account "${client.accountId}" report data read: ${
        data.incidents.length
      } incidents, ${data.changeEvents.length} change events, ${
        data.shifts.length
      } level-1 shifts; ${after.requests - before.requests} requests`,
    );
    return data;
  }

  return { syncAccount, syncService, syncReportData };
}
