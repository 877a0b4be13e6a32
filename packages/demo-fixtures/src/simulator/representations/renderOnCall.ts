import type {
  FleetEscalationPolicy,
  FleetSchedule,
  FleetUser,
} from '../fixtures/fleetTypes';
import {
  escalationPolicyReference,
  scheduleReference,
  userReference,
} from './references';
import { RenderContext, timestamp } from './renderContext';
import { renderUser } from './renderUser';

/** One on-call as the simulator computes it. */
export interface OnCallEntry {
  policy: FleetEscalationPolicy;
  /** 1-based escalation level */
  level: number;
  /** null for a user the policy targets directly */
  schedule: FleetSchedule | null;
  user: FleetUser;
  /** null for a permanent (direct user) on-call */
  startMs: number | null;
  endMs: number | null;
}

/**
 * An `oncall` object. A user targeted directly by a policy is on call
 * permanently: PagerDuty sends `schedule`, `start` and `end` as `null`.
 */
export function renderOnCall(
  context: RenderContext,
  entry: OnCallEntry,
  include: { users?: boolean } = {},
) {
  return {
    escalation_policy: escalationPolicyReference(context, entry.policy),
    escalation_level: entry.level,
    schedule: entry.schedule
      ? scheduleReference(context, entry.schedule)
      : null,
    user: include.users
      ? renderUser(context, entry.user)
      : userReference(context, entry.user),
    start: entry.startMs === null ? null : timestamp(context, entry.startMs),
    end: entry.endMs === null ? null : timestamp(context, entry.endMs),
  };
}
