import type {
  EntityOnCall,
  EscalationPolicyRecord,
  MetadataProblem,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { shiftInterval } from '@preflight/plugin-reliability-common';
import type {
  OnCallFacts,
  OnCallPersonFact,
} from '@preflight/plugin-reliability-node';
import type {
  FoundService,
  LocatedService,
} from '../../oncall/locateEntityService';
import {
  buildEntityOnCallFromSourceData,
  OnCallSourceData,
  readOnCallSourceData,
} from '../../oncall/readOnCallSourceData';
import { freshnessOf } from './freshnessOf';
import type { ReadinessFactSources } from './ReadinessFactSources';

/** How far ahead level-1 coverage and people are looked at (as the on-call card does). */
export const ON_CALL_LOOK_AHEAD_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Reads what the on-call store holds for the located services of a page:
 * the health of their sources in one query, then per source its services,
 * policies and incident figures in one query each.
 */
export function readOnCallData(
  sources: ReadinessFactSources,
  located: LocatedService[],
  now: Date,
): Promise<Map<string, OnCallSourceData>> {
  return readOnCallSourceData({
    store: sources.store,
    found: located.filter(
      (location): location is FoundService => location.kind === 'located',
    ),
    staleAfterMs: sources.onCallStaleAfterMs,
    now,
  });
}

/** Distinct people holding the lowest level at some point of `[now, end)`. */
function lowestLevelPeople(
  policy: EscalationPolicyRecord,
  now: Date,
  end: number,
): OnCallPersonFact[] {
  const levels = policy.levels.map(level => level.level);
  if (levels.length === 0) {
    return [];
  }
  const first = Math.min(...levels);
  const people = new Map<string, OnCallPersonFact>();
  for (const shift of policy.shifts) {
    const interval = shift.level === first ? shiftInterval(shift) : undefined;
    if (!interval || interval.end <= now.getTime() || interval.start >= end) {
      continue;
    }
    if (!people.has(shift.user.id)) {
      people.set(shift.user.id, {
        id: shift.user.id,
        name: shift.user.name,
        ...(shift.user.email ? { email: shift.user.email } : {}),
      });
    }
  }
  return [...people.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'en'),
  );
}

/**
 * The `onCall` fact from what the entity page shows (`onCall`), the health
 * of its source and the stored escalation policy it pages: level-1 gaps and
 * people over the look-ahead from `now`.
 */
export function toOnCallFacts(
  onCall: EntityOnCall,
  health: SourceHealth | undefined,
  policy: EscalationPolicyRecord | undefined,
  now: Date,
): OnCallFacts {
  const facts: OnCallFacts = {
    state: onCall.state,
    ...(onCall.sourceId ? { sourceId: onCall.sourceId } : {}),
    ...(onCall.serviceId ? { serviceId: onCall.serviceId } : {}),
    ...(onCall.problem ? { problem: onCall.problem } : {}),
    freshness: health ? freshnessOf(health) : null,
    ...(onCall.service ? { service: onCall.service } : {}),
    ...(onCall.incidents ? { incidents: onCall.incidents } : {}),
  };
  if (onCall.escalationPolicy && policy) {
    const end = now.getTime() + ON_CALL_LOOK_AHEAD_MS;
    const lookAhead = {
      start: now.toISOString(),
      end: new Date(end).toISOString(),
    };
    const [first] = onCall.escalationPolicy.levels;
    facts.escalationPolicy = {
      id: onCall.escalationPolicy.id,
      name: onCall.escalationPolicy.name,
      ...(onCall.escalationPolicy.htmlUrl
        ? { htmlUrl: onCall.escalationPolicy.htmlUrl }
        : {}),
      levelCount: onCall.escalationPolicy.levels.length,
      // A policy without levels pages nobody: the whole window is a gap.
      level1Gaps: first ? first.gaps : [lookAhead],
      level1People: lowestLevelPeople(policy, now, end),
      lookAhead,
    };
  }
  return facts;
}

/**
 * The `onCall` fact of one entity, built by the same function as its entity
 * page from the page's on-call data, and the problems found building it.
 */
export function onCallFactsOf(
  entityRef: string,
  location: LocatedService,
  onCallData: Map<string, OnCallSourceData>,
  now: Date,
): { onCall: OnCallFacts; problems: MetadataProblem[] } {
  if (location.kind !== 'located') {
    return {
      onCall: toOnCallFacts(location.onCall, undefined, undefined, now),
      problems: [],
    };
  }
  const data = onCallData.get(location.registered.source.id)!;
  const built = buildEntityOnCallFromSourceData(entityRef, location, data, now);
  const service = data.services.get(location.serviceId);
  const policy = service?.escalationPolicyId
    ? data.policies.get(service.escalationPolicyId)
    : undefined;
  return {
    onCall: toOnCallFacts(built.onCall, data.health, policy, now),
    problems: built.problems,
  };
}
