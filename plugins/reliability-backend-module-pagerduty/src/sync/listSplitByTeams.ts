import type { PagerDutyQuery } from '../client/PagerDutyClient';
import { isPagerDutyError, PagerDutyError } from '../client/PagerDutyError';
import type { PdReference, PdTeam } from '../client/pagerDutyTypes';
import type { PagerDutyListResult } from '../client/paginate';
import { dedupeById } from './dedupeById';
import type { SyncContext } from './SyncContext';

/** A list endpoint that accepts `team_ids[]`. */
export interface TeamSplittableList {
  path: '/services' | '/escalation_policies' | '/users';
  key: 'services' | 'escalation_policies' | 'users';
  query: PagerDutyQuery;
  /**
   * Whether the endpoint sorts by `sort_by=name:asc|name:desc` (services and
   * escalation policies do, users do not). Reading a capped list from both
   * ends reaches up to 20,000 items instead of 10,000.
   */
  sortableByName: boolean;
}

/** What {@link listSplitByTeams} could read. */
export interface SplitListResult<T> {
  items: T[];
  /**
   * False when some items could not be reached: then an id missing from
   * `items` does not mean PagerDuty has no such object.
   */
  complete: boolean;
}

/**
 * Reads a list that may be longer than PagerDuty's 10,000-offset cap. When
 * it is, the list is read again once per team (`team_ids[]`), a team's part
 * that is itself over the cap is read from both ends by name, and what the
 * teams leave out (items of no team) is looked for from both ends of the
 * whole list. Whatever still cannot be reached is reported as a warning that
 * says where it is missing, and the result says it is incomplete; nothing
 * is dropped silently.
 */
export async function listSplitByTeams<T extends PdReference>(
  context: SyncContext,
  list: TeamSplittableList,
  loadTeams: () => Promise<PdTeam[]>,
): Promise<SplitListResult<T>> {
  const { client, signal, warnings } = context;
  const whole = await client.list<T>(list.path, list.key, list.query, {
    signal,
  });
  if (whole.complete) {
    return { items: whole.items, complete: true };
  }

  const parts: T[][] = [whole.items];
  let teamsIncomplete = false;
  try {
    for (const team of await loadTeams()) {
      const query = { ...list.query, 'team_ids[]': [team.id] };
      const part = await readFromBothEnds<T>(context, list, query);
      parts.push(part.items);
      if (!part.complete) {
        if (part.total === null) {
          throw endless(client.accountId, list.path, team);
        }
        teamsIncomplete = true;
        warnings.push(
          `${list.key}: team "${team.name ?? team.summary ?? team.id}" has ${
            part.total
          }, more than PagerDuty can list (10,000 offset limit${
            list.sortableByName ? ', read from both ends by name' : ''
          }); ${part.total - part.items.length} of them are missing`,
        );
      }
    }
  } catch (error) {
    if (!isPagerDutyError(error, 'bad-request')) {
      throw error;
    }
    // Accounts without the teams feature refuse `team_ids[]` with a 400.
    const ends = await readFromBothEnds<T>(context, list, list.query);
    const items = dedupeById([...whole.items, ...ends.items]);
    if (ends.complete) {
      return { items, complete: true };
    }
    warnings.push(
      `${list.key}: the list exceeds PagerDuty's 10,000 offset limit and could not be split by team (${error.message}); only ${items.length} were read`,
    );
    return { items, complete: false };
  }

  let merged = dedupeById(parts.flat());
  if (whole.total !== null && merged.length < whole.total) {
    // What no team part holds: items of no team, or of a team too large to
    // list. The whole list's two ends may still hold them.
    const ends = await readFromBothEnds<T>(context, list, list.query);
    merged = dedupeById([...merged, ...ends.items]);
  }
  if (whole.total === null) {
    warnings.push(
      `${list.key}: the list reached PagerDuty's 10,000 offset limit and reported no total; ${list.key} that no team split reaches may be missing`,
    );
    return { items: merged, complete: false };
  }
  if (merged.length < whole.total) {
    const missing = whole.total - merged.length;
    warnings.push(
      teamsIncomplete
        ? `${list.key}: PagerDuty reports ${whole.total} but only ${merged.length} could be listed (10,000 offset limit); ${missing} are missing, in the teams named above or in no team`
        : `${list.key}: PagerDuty reports ${whole.total} but only ${merged.length} could be listed (10,000 offset limit); the ${missing} missing belong to no team, and no split reaches them`,
    );
    return { items: merged, complete: false };
  }
  return { items: merged, complete: true };
}

/**
 * One filtered list, and when it is over the cap and the endpoint sorts by
 * name, its other end too (`sort_by=name:desc`).
 */
async function readFromBothEnds<T extends PdReference>(
  context: SyncContext,
  list: TeamSplittableList,
  query: PagerDutyQuery,
): Promise<PagerDutyListResult<T>> {
  const { client, signal } = context;
  const first = await client.list<T>(
    list.path,
    list.key,
    list.sortableByName ? { ...query, sort_by: 'name:asc' } : query,
    { signal, stopWhenOverCap: false },
  );
  if (first.complete || !list.sortableByName || first.total === null) {
    return first;
  }
  const last = await client.list<T>(
    list.path,
    list.key,
    { ...query, sort_by: 'name:desc' },
    { signal, stopWhenOverCap: false },
  );
  const items = dedupeById([...first.items, ...last.items]);
  return { items, complete: items.length >= first.total, total: first.total };
}

function endless(
  accountId: string,
  path: string,
  team: PdTeam,
): PagerDutyError {
  return new PagerDutyError({
    kind: 'pagination',
    accountId,
    message: `PagerDuty account "${accountId}": GET ${path} for team ${team.id} still answered more: true at the page bound and reported no total; stopped`,
  });
}
