import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityOnCall,
  EntityOwner,
  EntityReliabilitySummary,
  MetadataProblem,
  readRunbooks,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityStore } from '../database/ReliabilityStore';
import type { OnCallProviderRegistry } from '../providers/OnCallProviderRegistry';
import { buildEntityOnCall } from './buildEntityOnCall';
import {
  FoundService,
  LocatedService,
  locateEntityService,
} from './locateEntityService';
import { neverSyncedHealth } from './neverSyncedHealth';
import { parseOwnerRef } from './parseOwnerRef';
import { toSourceHealth } from './toSourceHealth';

export type { LocatedService } from './locateEntityService';

/**
 * Assembles an entity's reliability summary from the catalog entity and the
 * store. It never calls an upstream source: providers are only asked to map
 * the entity's annotations to a service, which is pure.
 * @public
 */
export class EntitySummaryBuilder {
  constructor(
    private readonly deps: {
      registry: OnCallProviderRegistry;
      store: ReliabilityStore;
      catalog: CatalogService;
      staleAfterMs: number;
    },
  ) {}

  /** Where the entity's on-call service lives; see {@link locateEntityService}. */
  locateService(entity: Entity): LocatedService {
    return locateEntityService(this.deps.registry, entity);
  }

  /**
   * Builds the summary of an entity the caller is allowed to see.
   * `ownerEntity`, when the caller already read it from the catalog with the
   * same credentials (null: not found), saves a catalog request.
   */
  async build(
    entity: Entity,
    credentials: BackstageCredentials,
    now: Date = new Date(),
    ownerEntity?: Entity | null,
  ): Promise<EntityReliabilitySummary> {
    const entityRef = stringifyEntityRef(entity);
    const located = this.locateService(entity);
    const runbooks = readRunbooks(entity);

    const [owner, onCallPart] = await Promise.all([
      this.readOwner(entity, credentials, ownerEntity),
      located.kind === 'located'
        ? this.readOnCall(entityRef, located, now)
        : Promise.resolve({
            onCall: located.onCall,
            sources: [] as SourceHealth[],
            problems: [] as MetadataProblem[],
          }),
    ]);

    return {
      entityRef,
      owner: owner.owner,
      onCall: onCallPart.onCall,
      runbooks: runbooks.runbooks,
      sources: onCallPart.sources,
      problems: [
        ...located.problems,
        ...onCallPart.problems,
        ...runbooks.problems,
        ...owner.problems,
      ],
      generatedAt: now.toISOString(),
    };
  }

  private async readOnCall(
    entityRef: string,
    located: FoundService,
    now: Date,
  ): Promise<{
    onCall: EntityOnCall;
    sources: SourceHealth[];
    problems: MetadataProblem[];
  }> {
    const { store, staleAfterMs } = this.deps;
    const { source } = located.registered;
    const { serviceId } = located;

    // One read: the source's health with the service, its policy and stats.
    const stored = await store.getServiceView(source.id, serviceId);
    const health = stored.health
      ? toSourceHealth(stored.health, { now, staleAfterMs })
      : neverSyncedHealth(source);
    const { service, policy, incidents } = stored;

    // Only asked when the service is missing: is it unknown, or unreached?
    const incompleteServices =
      health.lastSuccessAt && !service
        ? (await store.getIncompleteServices([source.id])).get(source.id)
        : undefined;

    const { onCall, problems } = buildEntityOnCall(
      entityRef,
      located,
      { health, service, policy, incidents, incompleteServices },
      now,
    );
    return { onCall, sources: [health], problems };
  }

  private async readOwner(
    entity: Entity,
    credentials: BackstageCredentials,
    known?: Entity | null,
  ): Promise<{ owner: EntityOwner | null; problems: MetadataProblem[] }> {
    const parsed = parseOwnerRef(entity);
    if (parsed.problem) {
      return { owner: null, problems: [parsed.problem] };
    }
    if (!parsed.ref) {
      return { owner: null, problems: [] };
    }
    const ownerRef = parsed.ref;
    const entityRef = stringifyEntityRef(entity);

    const ownerEntity =
      known !== undefined
        ? known
        : await this.deps.catalog.getEntityByRef(ownerRef, { credentials });
    if (!ownerEntity) {
      return {
        owner: { entityRef: ownerRef, exists: false },
        problems: [
          {
            entityRef,
            field: 'spec.owner',
            message: `the owner ${ownerRef} is not in the catalog (or not visible to you)`,
            fix: 'Point spec.owner at an existing group or user, or add that entity to the catalog.',
          },
        ],
      };
    }
    const profile = ownerEntity.spec?.profile as
      | { displayName?: unknown }
      | undefined;
    const title =
      ownerEntity.metadata.title ??
      (typeof profile?.displayName === 'string'
        ? profile.displayName
        : undefined);
    return {
      owner: {
        entityRef: stringifyEntityRef(ownerEntity),
        exists: true,
        ...(title ? { title } : {}),
      },
      problems: [],
    };
  }
}
