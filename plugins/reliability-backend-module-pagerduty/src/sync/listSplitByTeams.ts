import type { PagerDutyQuery } from '../client/PagerDutyClient';
import { isPagerDutyError, PagerDutyError } from '../client/PagerDutyError';
import type { PdReference, PdTeam } from '../client/pagerDutyTypes';
import { dedupeById } from './dedupeById';
import type { SyncContext } from './SyncContext';

/** A list endpoint that accepts `team_ids[]`. */
export interface TeamSplittableList {
  path: '/services' | '/escalation_policies' | '/users';
  key: 'services' | 'escalation_policies' | 'users';
  query: PagerDutyQuery;
}

/**
 * Reads a list that may be longer than PagerDuty's 10,000-offset cap. When
 * it is, the list is read again once per team (`team_ids[]`) and the parts
 * are merged. What still cannot be reached (items of no team, a team with
 * more than 10,000 items, an account without the teams feature) is reported
 * as a warning, never dropped silently.
 */
export async function listSplitByTeams<T extends PdReference>(
  context: SyncContext,
  list: TeamSplittableList,
  loadTeams: () => Promise<PdTeam[]>,
): Promise<T[]> {
  const { client, signal, warnings } = context;
  const whole = await client.list<T>(list.path, list.key, list.query, {
    signal,
  });
  if (whole.complete) {
    return whole.items;
  }

  const parts: T[][] = [whole.items];
  try {
    for (const team of await loadTeams()) {
      const part = await client.list<T>(
        list.path,
        list.key,
        { ...list.query, 'team_ids[]': [team.id] },
        { signal, stopWhenOverCap: false },
      );
      parts.push(part.items);
      if (!part.complete) {
        if (part.total === null) {
          throw endless(client.accountId, list.path, team);
        }
        warnings.push(
          `${list.key}: team "${team.name ?? team.summary ?? team.id}" has ${
            part.total
          }, more than PagerDuty can list (10,000 offset limit); ${
            part.total - part.items.length
          } of them are missing`,
        );
      }
    }
  } catch (error) {
    if (!isPagerDutyError(error, 'bad-request')) {
      throw error;
    }
    // Accounts without the teams feature refuse `team_ids[]` with a 400.
    warnings.push(
      `${list.key}: the list exceeds PagerDuty's 10,000 offset limit and could not be split by team (${error.message}); only the first ${whole.items.length} were read`,
    );
    return whole.items;
  }

  const merged = dedupeById(parts.flat());
  if (whole.total === null) {
    warnings.push(
      `${list.key}: the list reached PagerDuty's 10,000 offset limit and was split by team; ${list.key} that belong to no team may be missing`,
    );
  } else if (merged.length < whole.total) {
    warnings.push(
      `${list.key}: PagerDuty reports ${whole.total} but only ${merged.length} could be listed; the list exceeds PagerDuty's 10,000 offset limit and ${list.key} that belong to no team cannot be reached by splitting per team`,
    );
  }
  return merged;
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
