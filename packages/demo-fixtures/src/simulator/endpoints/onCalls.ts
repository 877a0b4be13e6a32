import { scheduleShifts } from '../fixtures/scheduleShifts';
import { DAY } from '../fixtures/timeUnits';
import type { FleetIndex } from '../fleetIndex';
import { invalidInput } from '../http/pagerDutyError';
import { paginate, parsePageRequest } from '../pagination';
import { OnCallEntry, renderOnCall } from '../representations/renderOnCall';
import type { Route } from './route';

const DOCUMENTED_INCLUDES = ['escalation_policies', 'users', 'schedules'];
const SUPPORTED_INCLUDES = ['users'] as const;
/** PagerDuty computes on-calls at most 90 days ahead. */
const MAX_RANGE_MS = 90 * DAY;

/** Filters of an on-call query. */
export interface OnCallQuery {
  sinceMs: number;
  untilMs: number;
  policyIds: string[];
  scheduleIds: string[];
  userIds: string[];
  earliest: boolean;
}

/**
 * The on-calls PagerDuty would list: for every level of every (selected)
 * policy, the final-schedule shifts overlapping [since, until] of each
 * schedule target, and a permanent entry (no schedule, no start or end) for
 * each user targeted directly. A schedule in a gap contributes nothing.
 * `schedule_ids[]=null` selects the permanent entries.
 */
export function computeOnCalls(
  index: FleetIndex,
  query: OnCallQuery,
): OnCallEntry[] {
  const policies = query.policyIds.length
    ? query.policyIds.flatMap(id => index.policiesById.get(id) ?? [])
    : index.fleet.escalationPolicies;
  const entries: OnCallEntry[] = [];
  for (const policy of policies) {
    policy.rules.forEach((rule, i) => {
      const level = i + 1;
      for (const target of rule.targets) {
        if (target.type === 'user') {
          const user = index.usersById.get(target.id);
          if (user) {
            entries.push({
              policy,
              level,
              schedule: null,
              user,
              startMs: null,
              endMs: null,
            });
          }
          continue;
        }
        const schedule = index.schedulesById.get(target.id);
        if (!schedule) {
          continue;
        }
        for (const shift of scheduleShifts(
          schedule,
          query.sinceMs,
          query.untilMs,
        )) {
          const user = index.usersById.get(shift.userId);
          if (user) {
            entries.push({
              policy,
              level,
              schedule,
              user,
              startMs: shift.startMs,
              endMs: shift.endMs,
            });
          }
        }
      }
    });
  }
  let selected = entries.filter(
    e =>
      (query.userIds.length === 0 || query.userIds.includes(e.user.id)) &&
      (query.scheduleIds.length === 0 ||
        query.scheduleIds.includes(e.schedule?.id ?? 'null')),
  );
  if (query.earliest) {
    const seen = new Set<string>();
    selected = selected.filter(e => {
      const key = `${e.policy.id}|${e.level}|${e.user.id}`;
      if (seen.has(key)) {
        return false;
      }
      seen.add(key);
      return true;
    });
  }
  return selected;
}

/** `GET /oncalls`. */
export const onCallRoutes: Route[] = [
  {
    method: 'GET',
    template: '/oncalls',
    handle(request) {
      const { query } = request;
      const page = parsePageRequest(query);
      const include = query.include(DOCUMENTED_INCLUDES, SUPPORTED_INCLUDES);
      const sinceMs = query.timestamp('since') ?? request.nowMs;
      const untilMs =
        query.timestamp('until') ?? Math.max(sinceMs, request.nowMs);
      if (untilMs < sinceMs) {
        throw invalidInput('until cannot be before since');
      }
      if (untilMs - sinceMs > MAX_RANGE_MS) {
        throw invalidInput(
          'The time range between since and until cannot exceed 90 days',
        );
      }
      const onCallQuery: OnCallQuery = {
        sinceMs,
        untilMs,
        policyIds: query.list('escalation_policy_ids'),
        scheduleIds: query.list('schedule_ids'),
        userIds: query.list('user_ids'),
        earliest: query.boolean('earliest') ?? false,
      };
      const list = request.memo(`oncalls|${JSON.stringify(onCallQuery)}`, () =>
        computeOnCalls(request.context.index, onCallQuery),
      );
      const result = paginate(list, page, request.endlessMore);
      return {
        oncalls: result.items.map(e =>
          renderOnCall(request.context, e, { users: include.has('users') }),
        ),
        ...result.page,
      };
    },
  },
];
