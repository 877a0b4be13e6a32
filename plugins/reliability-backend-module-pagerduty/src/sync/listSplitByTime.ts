import type { PagerDutyQuery } from '../client/PagerDutyClient';
import { PagerDutyError } from '../client/PagerDutyError';
import type { PdReference } from '../client/pagerDutyTypes';
import { dedupeById } from './dedupeById';
import type { SyncContext } from './SyncContext';

/** A list endpoint filtered by a `since`/`until` window. */
export interface TimeSplittableList {
  path: string;
  key: string;
  query: PagerDutyQuery;
  since: number;
  until: number;
}

// Below this a window is not split further: more than 10,000 incidents or
// log entries in one minute is not something halving would fix.
const MIN_WINDOW_MS = 60_000;
const MAX_DEPTH = 20;

/**
 * Reads a time-windowed list (incidents, log entries). When a window holds
 * more than PagerDuty's 10,000-offset cap, it is halved and both halves are
 * read, recursively; an unsplittable window is reported as a warning.
 */
export async function listSplitByTime<T extends PdReference>(
  context: SyncContext,
  list: TimeSplittableList,
): Promise<T[]> {
  return dedupeById(
    await readWindow<T>(context, list, list.since, list.until, 0),
  );
}

async function readWindow<T extends PdReference>(
  context: SyncContext,
  list: TimeSplittableList,
  since: number,
  until: number,
  depth: number,
): Promise<T[]> {
  const { client, signal, warnings } = context;
  const splittable = until - since >= 2 * MIN_WINDOW_MS && depth < MAX_DEPTH;
  const result = await client.list<T>(
    list.path,
    list.key,
    { ...list.query, since: iso(since), until: iso(until) },
    { signal, stopWhenOverCap: splittable },
  );
  if (result.complete) {
    return result.items;
  }
  if (result.total === null && depth > 0) {
    // Without a total we cannot tell a long list from one that never ends;
    // one split is worth trying, recursing blindly is not.
    throw new PagerDutyError({
      kind: 'pagination',
      accountId: client.accountId,
      message: `PagerDuty account "${client.accountId}": GET ${
        list.path
      } for ${iso(since)}..${iso(
        until,
      )} still answered more: true at the page bound and reported no total; stopped`,
    });
  }
  if (!splittable) {
    warnings.push(
      `${list.key}: ${iso(since)}..${iso(until)} holds ${
        result.total ?? 'more than 10,000'
      }, more than PagerDuty can list (10,000 offset limit); only ${
        result.items.length
      } were read`,
    );
    return result.items;
  }
  const middle = since + Math.floor((until - since) / 2);
  const earlier = await readWindow<T>(context, list, since, middle, depth + 1);
  const later = await readWindow<T>(context, list, middle, until, depth + 1);
  return [...earlier, ...later];
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
