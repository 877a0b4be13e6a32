import {
  EntityOnCall,
  EscalationPolicyRecord,
  IncidentStats,
  MetadataProblem,
  OnCallServiceRecord,
  resolveEscalationLevels,
  type ResolvedEscalationLevel,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { OnCallProvider } from '@preflight/plugin-reliability-node';
import { annotationField, type FoundService } from './locateEntityService';

/** What the store knows about a located service, read by the caller. */
export interface StoredServiceData {
  /** The health of the service's source, with its read-time fields. */
  health: SourceHealth;
  /** Unread (undefined) until the source has synced successfully. */
  service: OnCallServiceRecord | undefined;
  /** The policy named by `service.escalationPolicyId`. */
  policy: EscalationPolicyRecord | undefined;
  incidents: IncidentStats | undefined;
  /**
   * Set when the source's last sync could not list every service: then a
   * missing service is only unknown if the sync confirmed it.
   */
  incompleteServices?: { confirmedMissing: string[] };
}

// A team's services share its escalation policy: a bulk read (the
// scorecard evaluation, a group's on-call view) resolves each policy's levels
// once per instant instead of once per entity. Keyed by the policy record,
// one object per read, so nothing outlives the read that loaded it.
const resolvedLevels = new WeakMap<
  EscalationPolicyRecord,
  { atMs: number; levels: ResolvedEscalationLevel[] }
>();

/** {@link resolveEscalationLevels}, remembered per policy record and instant. */
function levelsAt(
  policy: EscalationPolicyRecord,
  now: Date,
): ResolvedEscalationLevel[] {
  const atMs = now.getTime();
  const known = resolvedLevels.get(policy);
  if (known && known.atMs === atMs) {
    return known.levels;
  }
  const levels = resolveEscalationLevels(policy, now);
  resolvedLevels.set(policy, { atMs, levels });
  return levels;
}

// A provider without hints still gets a problem an owner can act on.
const GENERIC_UNKNOWN_SERVICE_FIX =
  'Check the service id, and that the service exists in this source.';

function unknownServiceHints(provider: OnCallProvider) {
  const hints = provider.annotationHints;
  return {
    field: annotationField(hints?.serviceIdAnnotation),
    fix: hints?.unknownServiceFix ?? GENERIC_UNKNOWN_SERVICE_FIX,
  };
}

/**
 * The on-call section of a located entity, from stored data alone: awaiting
 * the first sync, a service id the source does not know, or the service with
 * its escalation levels resolved at `now` and its incident figures. Shared by
 * the entity summary (one entity, point reads) and the group on-call view
 * (many entities, bulk reads) so both tell the same story.
 */
export function buildEntityOnCall(
  entityRef: string,
  located: FoundService,
  data: StoredServiceData,
  now: Date,
): { onCall: EntityOnCall; problems: MetadataProblem[] } {
  const { provider, source } = located.registered;
  const { serviceId } = located;
  const base = { sourceId: source.id, serviceId };

  if (!data.health.lastSuccessAt) {
    return { onCall: { state: 'awaiting-sync', ...base }, problems: [] };
  }

  const { service, policy, incidents, incompleteServices } = data;
  if (
    !service &&
    incompleteServices &&
    !incompleteServices.confirmedMissing.includes(serviceId)
  ) {
    return {
      onCall: {
        state: 'awaiting-sync',
        ...base,
        notSyncedReason: `${source.displayName} lists more services than its API lets one sync read, and service ${serviceId} was not reached yet; later syncs look it up on its own.`,
      },
      problems: [],
    };
  }
  if (!service) {
    const { field, fix } = unknownServiceHints(provider);
    const problem: MetadataProblem = {
      entityRef,
      field,
      message: `${source.displayName} (source "${source.id}") has no service "${serviceId}"`,
      fix,
    };
    return {
      onCall: { state: 'unknown-service', ...base, problem },
      problems: [problem],
    };
  }

  const onCall: EntityOnCall = { state: 'ok', ...base, service };
  if (policy) {
    onCall.escalationPolicy = {
      id: policy.id,
      name: policy.name,
      htmlUrl: policy.htmlUrl,
      numLoops: policy.numLoops,
      levels: levelsAt(policy, now),
    };
  }
  if (incidents) {
    onCall.incidents = incidents;
  }
  return { onCall, problems: [] };
}
