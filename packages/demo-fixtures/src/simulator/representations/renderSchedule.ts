import type { FleetSchedule } from '../fixtures/fleetTypes';
import { escalationPolicyReference, userReference } from './references';
import type { RenderContext } from './renderContext';

/** A full `schedule` object as `include[]=targets` expands it (without layers). */
export function renderSchedule(
  context: RenderContext,
  schedule: FleetSchedule,
) {
  const userIds = [
    ...new Set([
      ...schedule.rotation.userIds,
      ...schedule.overrides.map(o => o.userId),
    ]),
  ];
  return {
    id: schedule.id,
    type: 'schedule',
    summary: schedule.name,
    self: `${context.apiBaseUrl}/schedules/${schedule.id}`,
    html_url: `${context.webBaseUrl}/schedules/${schedule.id}`,
    name: schedule.name,
    time_zone: schedule.timeZone,
    description: null,
    users: userIds.flatMap(id => {
      const user = context.index.usersById.get(id);
      return user ? [userReference(context, user)] : [];
    }),
    escalation_policies: (
      context.index.policiesBySchedule.get(schedule.id) ?? []
    ).map(p => escalationPolicyReference(context, p)),
    teams: [],
  };
}
