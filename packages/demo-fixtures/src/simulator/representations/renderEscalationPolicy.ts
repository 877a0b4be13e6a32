import type { FleetEscalationPolicy } from '../fixtures/fleetTypes';
import {
  scheduleReference,
  serviceReference,
  teamReference,
  userReference,
} from './references';
import type { RenderContext } from './renderContext';
import { renderSchedule } from './renderSchedule';
import { renderTeam } from './renderTeam';
import { renderUser } from './renderUser';

/** Which references of an escalation policy to expand. */
export interface EscalationPolicyIncludes {
  targets?: boolean;
  teams?: boolean;
}

/** A full `escalation_policy` object. */
export function renderEscalationPolicy(
  context: RenderContext,
  policy: FleetEscalationPolicy,
  include: EscalationPolicyIncludes = {},
) {
  const { index } = context;
  return {
    id: policy.id,
    type: 'escalation_policy',
    summary: policy.name,
    self: `${context.apiBaseUrl}/escalation_policies/${policy.id}`,
    html_url: `${context.webBaseUrl}/escalation_policies/${policy.id}`,
    name: policy.name,
    description: policy.description,
    num_loops: policy.numLoops,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: policy.rules.map(rule => ({
      id: rule.id,
      escalation_delay_in_minutes: rule.delayMinutes,
      targets: rule.targets.flatMap(target => {
        if (target.type === 'user') {
          const user = index.usersById.get(target.id);
          if (!user) return [];
          return [
            include.targets
              ? renderUser(context, user)
              : userReference(context, user),
          ];
        }
        const schedule = index.schedulesById.get(target.id);
        if (!schedule) return [];
        return [
          include.targets
            ? renderSchedule(context, schedule)
            : scheduleReference(context, schedule),
        ];
      }),
    })),
    services: (index.servicesByPolicy.get(policy.id) ?? []).map(s =>
      serviceReference(context, s),
    ),
    teams: policy.teamIds.flatMap(id => {
      const team = index.teamsById.get(id);
      if (!team) return [];
      return [
        include.teams
          ? renderTeam(context, team)
          : teamReference(context, team),
      ];
    }),
  };
}
