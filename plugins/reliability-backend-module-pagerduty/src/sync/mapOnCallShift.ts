import type {
  OnCallPerson,
  OnCallShift,
} from '@preflight/plugin-reliability-common';
import type { PdOnCall } from '../client/pagerDutyTypes';
import { mapPerson } from './mapPerson';

/**
 * One GET /oncalls entry as a shift. The person comes from the user list
 * (with contact methods) when known, else from the entry's own user.
 * `start`/`end` stay `null` for a permanent on-call.
 */
export function mapOnCallShift(
  entry: PdOnCall,
  people: ReadonlyMap<string, OnCallPerson>,
): OnCallShift {
  const shift: OnCallShift = {
    level: entry.escalation_level,
    user: people.get(entry.user.id) ?? mapPerson(entry.user),
    start: entry.start ?? null,
    end: entry.end ?? null,
  };
  if (entry.schedule?.id) {
    shift.schedule = {
      id: entry.schedule.id,
      name: entry.schedule.summary ?? entry.schedule.id,
    };
    if (entry.schedule.html_url)
      shift.schedule.htmlUrl = entry.schedule.html_url;
  }
  return shift;
}
