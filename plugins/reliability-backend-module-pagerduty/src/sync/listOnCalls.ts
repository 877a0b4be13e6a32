import { PagerDutyError } from '../client/PagerDutyError';
import type { PdOnCall } from '../client/pagerDutyTypes';
import type { SyncContext } from './SyncContext';

/** Inputs of {@link listOnCalls}. */
export interface ListOnCallsOptions {
  policyIds: string[];
  since: number;
  until: number;
  batchSize: number;
  /** Ask for full user objects (`include[]=users`). Default true. */
  includeUsers?: boolean;
  /**
   * Keep only entries of these escalation levels, dropped batch by batch so
   * a long history never sits in memory whole. Default: every level.
   */
  levels?: number[];
}

/** PagerDuty refuses a GET /oncalls range longer than this. */
export const MAX_ONCALL_RANGE_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * On-call entries of many escalation policies, `batchSize` policies per
 * GET /oncalls request (`include[]=users`). A range longer than PagerDuty's
 * 90 days is read in consecutive windows (a shift spanning two windows is
 * listed by both; callers dedupe). A batch too large for the 10,000-offset
 * cap is halved; one policy that alone exceeds it is reported.
 */
export async function listOnCalls(
  context: SyncContext,
  options: ListOnCallsOptions,
): Promise<PdOnCall[]> {
  const entries: PdOnCall[] = [];
  for (const window of rangeWindows(options.since, options.until)) {
    for (let i = 0; i < options.policyIds.length; i += options.batchSize) {
      const batch = options.policyIds.slice(i, i + options.batchSize);
      const read = await readBatch(context, { ...options, ...window }, batch);
      const { levels } = options;
      entries.push(
        ...(levels
          ? read.filter(entry => levels.includes(entry.escalation_level))
          : read),
      );
    }
  }
  return entries;
}

function rangeWindows(
  since: number,
  until: number,
): Array<{ since: number; until: number }> {
  const windows: Array<{ since: number; until: number }> = [];
  let start = since;
  do {
    const end = Math.min(until, start + MAX_ONCALL_RANGE_MS);
    windows.push({ since: start, until: end });
    start = end;
  } while (start < until);
  return windows;
}

async function readBatch(
  context: SyncContext,
  options: ListOnCallsOptions,
  policyIds: string[],
): Promise<PdOnCall[]> {
  const { client, signal, warnings } = context;
  const result = await client.list<PdOnCall>(
    '/oncalls',
    'oncalls',
    {
      'escalation_policy_ids[]': policyIds,
      since: new Date(options.since).toISOString(),
      until: new Date(options.until).toISOString(),
      'include[]': options.includeUsers === false ? undefined : ['users'],
    },
    { signal, stopWhenOverCap: policyIds.length > 1 },
  );
  if (result.complete) {
    return result.items;
  }
  if (policyIds.length > 1) {
    const half = Math.ceil(policyIds.length / 2);
    return [
      ...(await readBatch(context, options, policyIds.slice(0, half))),
      ...(await readBatch(context, options, policyIds.slice(half))),
    ];
  }
  if (result.total === null) {
    throw new PagerDutyError({
      kind: 'pagination',
      accountId: client.accountId,
      message: `PagerDuty account "${client.accountId}": GET /oncalls for escalation policy ${policyIds[0]} still answered more: true at the page bound and reported no total; stopped`,
    });
  }
  warnings.push(
    `oncalls: escalation policy ${policyIds[0]} has ${result.total} on-call entries in the synced window, more than PagerDuty can list (10,000 offset limit); only ${result.items.length} were read`,
  );
  return result.items;
}
