import type { PdOnCall } from '../client/pagerDutyTypes';

/**
 * What makes two on-call entries the same shift: policy, level, person,
 * schedule and times. Overlapping batches, time windows and the history
 * cache may list one shift more than once.
 */
export function onCallEntryKey(entry: PdOnCall): string {
  return [
    entry.escalation_policy?.id ?? '',
    entry.escalation_level,
    entry.user?.id ?? '',
    entry.schedule?.id ?? '',
    entry.start ?? '',
    entry.end ?? '',
  ].join('\u0000');
}
