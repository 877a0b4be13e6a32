import type { PdOnCall } from '../client/pagerDutyTypes';
import { onCallEntryKey } from './onCallEntryKey';

/** Reads the history entries of some policies over `[since, until)`. */
export type OnCallHistoryReader = (
  policyIds: string[],
  since: number,
  until: number,
) => Promise<PdOnCall[]>;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Past level-1 on-call entries of one account, kept between bulk syncs so
 * that each sync reads only the days (and the policies) it has not seen:
 * pages per shift needs 90 days of shifts, and reading them all every five
 * minutes would double a sync's requests. Past shifts rarely change (an
 * override edited after the fact), so the whole history is read again once
 * it is older than `maxAgeMs` (a day by default). Per process: a replica
 * that has not synced yet starts with a full read. Entries are slimmed to
 * what pages per shift uses.
 */
export class OnCallHistoryCache {
  private state:
    | {
        readAt: number;
        since: number;
        until: number;
        policyIds: Set<string>;
        entries: PdOnCall[];
      }
    | undefined;

  constructor(private readonly maxAgeMs: number = DAY_MS) {}

  /** The history of `policyIds` over `[since, until)`, reading what is missing. */
  async read(
    options: { policyIds: string[]; since: number; until: number; now: number },
    reader: OnCallHistoryReader,
  ): Promise<PdOnCall[]> {
    const { policyIds, since, until, now } = options;
    const state = this.state;
    const fresh =
      state !== undefined &&
      now - state.readAt <= this.maxAgeMs &&
      since >= state.since &&
      until >= state.until;
    let entries: PdOnCall[];
    let readAt = now;
    if (!fresh) {
      entries = await reader(policyIds, since, until);
    } else {
      readAt = state.readAt;
      const known = policyIds.filter(id => state.policyIds.has(id));
      const added = policyIds.filter(id => !state.policyIds.has(id));
      entries = [
        ...state.entries,
        ...(added.length > 0 ? await reader(added, since, until) : []),
        ...(known.length > 0 && until > state.until
          ? await reader(known, state.until, until)
          : []),
      ];
    }
    const wanted = new Set(policyIds);
    const seen = new Set<string>();
    const kept: PdOnCall[] = [];
    for (const entry of entries) {
      const key = onCallEntryKey(entry);
      if (
        seen.has(key) ||
        !wanted.has(entry.escalation_policy?.id) ||
        (entry.end !== null && Date.parse(entry.end) <= since)
      ) {
        continue;
      }
      seen.add(key);
      kept.push(slim(entry));
    }
    this.state = { readAt, since, until, policyIds: wanted, entries: kept };
    return kept;
  }
}

function slim(entry: PdOnCall): PdOnCall {
  return {
    escalation_policy: {
      id: entry.escalation_policy.id,
      type: entry.escalation_policy.type,
    },
    escalation_level: entry.escalation_level,
    user: {
      id: entry.user.id,
      type: entry.user.type,
      summary: entry.user.summary,
    },
    schedule: entry.schedule
      ? { id: entry.schedule.id, type: entry.schedule.type }
      : null,
    start: entry.start,
    end: entry.end,
  };
}
