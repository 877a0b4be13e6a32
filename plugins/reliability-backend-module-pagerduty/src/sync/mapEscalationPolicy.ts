import type {
  EscalationPolicyRecord,
  EscalationTarget,
  OnCallShift,
} from '@preflight/plugin-reliability-common';
import type { PdEscalationPolicy, PdReference } from '../client/pagerDutyTypes';

/**
 * A PagerDuty escalation policy as a policy record. Rules become levels
 * numbered from 1 in their order, as PagerDuty's `escalation_level` counts.
 */
export function mapEscalationPolicy(
  policy: PdEscalationPolicy,
  shifts: OnCallShift[],
): EscalationPolicyRecord {
  const record: EscalationPolicyRecord = {
    id: policy.id,
    name: policy.name ?? policy.summary ?? policy.id,
    numLoops: policy.num_loops ?? 0,
    levels: (policy.escalation_rules ?? []).map((rule, index) => ({
      level: index + 1,
      delayMinutes: rule.escalation_delay_in_minutes,
      targets: (rule.targets ?? [])
        .map(mapTarget)
        .filter((target): target is EscalationTarget => target !== undefined),
    })),
    shifts,
  };
  if (policy.html_url) record.htmlUrl = policy.html_url;
  return record;
}

function mapTarget(target: PdReference): EscalationTarget | undefined {
  const kind = target.type.replace(/_reference$/, '');
  let type: EscalationTarget['type'];
  if (kind === 'user') {
    type = 'user';
  } else if (kind === 'schedule' || kind === 'schedule_v3') {
    type = 'schedule';
  } else {
    return undefined;
  }
  const mapped: EscalationTarget = {
    type,
    id: target.id,
    name: target.summary ?? (target as { name?: string }).name ?? target.id,
  };
  if (target.html_url) mapped.htmlUrl = target.html_url;
  return mapped;
}
