import type {
  EntityOnCall,
  GroupOnCallEntity,
  ResolvedEscalationLevel,
  SourceHealth,
} from '@preflight/plugin-reliability-common';

/**
 * When nobody-on-call ends for a level: the end of the gap covering `now`,
 * else the next handoff to someone; null when nobody is scheduled.
 */
function uncoveredUntil(
  level: ResolvedEscalationLevel,
  now: Date,
): string | null {
  const at = now.getTime();
  const gap = level.gaps.find(
    candidate =>
      Date.parse(candidate.start) <= at && at < Date.parse(candidate.end),
  );
  if (gap) {
    return gap.end;
  }
  if (level.nextHandoff && level.nextHandoff.onCall.length > 0) {
    return level.nextHandoff.at;
  }
  return null;
}

/**
 * Condenses an entity's on-call section to one row of a team's overview:
 * level 1 now and next, the levels nobody holds, open high-urgency
 * incidents, and the freshness of the source.
 */
export function toGroupOnCallEntity(input: {
  entityRef: string;
  title?: string;
  ownerRef: string;
  onCall: EntityOnCall;
  /** The health of the entity's source, when it has one. */
  health?: SourceHealth;
  now: Date;
}): GroupOnCallEntity {
  const { entityRef, title, ownerRef, onCall, health, now } = input;
  const policy = onCall.escalationPolicy;
  // Levels come sorted by number; the first one is who gets paged.
  const first = policy?.levels[0];
  return {
    entityRef,
    ...(title ? { title } : {}),
    ownerRef,
    state: onCall.state,
    ...(onCall.sourceId ? { sourceId: onCall.sourceId } : {}),
    ...(onCall.serviceId ? { serviceId: onCall.serviceId } : {}),
    ...(onCall.problem ? { problem: onCall.problem } : {}),
    ...(onCall.service ? { service: onCall.service } : {}),
    ...(policy
      ? {
          escalationPolicy: {
            id: policy.id,
            name: policy.name,
            ...(policy.htmlUrl ? { htmlUrl: policy.htmlUrl } : {}),
          },
        }
      : {}),
    onCallNow: first?.onCallNow ?? [],
    nextHandoff: first?.nextHandoff ?? null,
    uncoveredLevels: (policy?.levels ?? [])
      .filter(level => level.onCallNow.length === 0)
      .map(level => ({
        level: level.level,
        until: uncoveredUntil(level, now),
      })),
    openHighUrgencyIncidents: onCall.incidents
      ? onCall.incidents.open.filter(incident => incident.urgency === 'high')
          .length
      : null,
    freshness: health
      ? { asOf: health.lastSuccessAt, stale: health.stale }
      : null,
  };
}
