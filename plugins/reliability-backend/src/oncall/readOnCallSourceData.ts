import type {
  EntityOnCall,
  EscalationPolicyRecord,
  IncidentStats,
  MetadataProblem,
  OnCallServiceRecord,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityStore } from './ReliabilityStore';
import { buildEntityOnCall } from './buildEntityOnCall';
import type { FoundService } from './locateEntityService';
import { neverSyncedHealth } from '../service/neverSyncedHealth';
import { toSourceHealth } from '../service/toSourceHealth';

/** Everything stored for the located services of one source, read in bulk. */
export interface OnCallSourceData {
  health: SourceHealth;
  services: Map<string, OnCallServiceRecord>;
  policies: Map<string, EscalationPolicyRecord>;
  stats: Map<string, IncidentStats>;
  /** Set when the source's last sync could not list every service. */
  incompleteServices?: { confirmedMissing: string[] };
}

/**
 * Reads the health of every source the located services map to in one
 * query, then per synced source its services, their policies and their
 * incident figures in one query each: a constant number of reads however
 * many entities are asked about. Shared by the group on-call view and the
 * scorecard evaluation.
 */
export async function readOnCallSourceData(options: {
  store: ReliabilityStore;
  found: FoundService[];
  staleAfterMs: number;
  now: Date;
}): Promise<Map<string, OnCallSourceData>> {
  const { store, found, staleAfterMs, now } = options;
  const serviceIds = new Map<string, Set<string>>();
  const sources = new Map(
    found.map(location => [
      location.registered.source.id,
      location.registered.source,
    ]),
  );
  for (const location of found) {
    const id = location.registered.source.id;
    const ids = serviceIds.get(id) ?? new Set<string>();
    ids.add(location.serviceId);
    serviceIds.set(id, ids);
  }
  if (sources.size === 0) {
    return new Map();
  }

  const stored = await store.listSourceHealth({
    sourceIds: [...sources.keys()],
  });
  const result = new Map<string, OnCallSourceData>();
  await Promise.all(
    [...sources.values()].map(async source => {
      const row = stored.find(candidate => candidate.id === source.id);
      const health = row
        ? toSourceHealth(row, { now, staleAfterMs })
        : neverSyncedHealth(source);
      const data: OnCallSourceData = {
        health,
        services: new Map(),
        policies: new Map(),
        stats: new Map(),
      };
      result.set(source.id, data);
      // Before the first successful sync there is nothing to read.
      if (!health.lastSuccessAt) {
        return;
      }
      const ids = [...(serviceIds.get(source.id) ?? [])];
      const services = await store.getServices(source.id, ids);
      if (services.length < ids.length) {
        // Only asked when a service is missing: is it unknown, or unreached?
        data.incompleteServices = (
          await store.getIncompleteServices([source.id])
        ).get(source.id);
      }
      const policyIds = [
        ...new Set(
          services.flatMap(service =>
            service.escalationPolicyId ? [service.escalationPolicyId] : [],
          ),
        ),
      ];
      const [policies, stats] = await Promise.all([
        policyIds.length > 0
          ? store.getEscalationPolicies(source.id, policyIds)
          : Promise.resolve([]),
        services.length > 0
          ? store.getIncidentStatsForServices(
              source.id,
              services.map(service => service.id),
            )
          : Promise.resolve([]),
      ]);
      services.forEach(service => data.services.set(service.id, service));
      policies.forEach(policy => data.policies.set(policy.id, policy));
      stats.forEach(stat => data.stats.set(stat.serviceId, stat));
    }),
  );
  return result;
}

/**
 * {@link buildEntityOnCall} for a located entity from data read by
 * {@link readOnCallSourceData}.
 */
export function buildEntityOnCallFromSourceData(
  entityRef: string,
  location: FoundService,
  data: OnCallSourceData,
  now: Date,
): { onCall: EntityOnCall; problems: MetadataProblem[] } {
  const service = data.services.get(location.serviceId);
  return buildEntityOnCall(
    entityRef,
    location,
    {
      health: data.health,
      service,
      policy: service?.escalationPolicyId
        ? data.policies.get(service.escalationPolicyId)
        : undefined,
      incidents: service ? data.stats.get(service.id) : undefined,
      incompleteServices: data.incompleteServices,
    },
    now,
  );
}
