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
import type { ReliabilityStore } from '../oncall/ReliabilityStore';
import type { OnCallProviderRegistry } from '../oncall/OnCallProviderRegistry';
import { buildEntityOnCall } from '../oncall/buildEntityOnCall';
import {
  FoundService,
  LocatedService,
  locateEntityService,
} from '../oncall/locateEntityService';
import { neverSyncedHealth } from './neverSyncedHealth';
import { parseOwnerRef } from './parseOwnerRef';
import { toSourceHealth } from './toSourceHealth';

export type { LocatedService } from '../oncall/locateEntityService';

/** What the store holds for a located service, as read. */
type StoredOnCall = Awaited<ReturnType<ReliabilityStore['getServiceView']>> & {
  incompleteServices?: { confirmedMissing: string[] };
};

/**
 * The part of an entity summary that does not depend on the time of the
 * read ({@link EntitySummaryBuilder.prepare}); treat as immutable, it may be
 * shared between requests.
 */
export interface PreparedEntitySummary {
  entityRef: string;
  located: LocatedService;
  runbooks: ReturnType<typeof readRunbooks>;
  owner: { owner: EntityOwner | null; problems: MetadataProblem[] };
  /** Undefined when no provider located the entity's service. */
  stored?: StoredOnCall;
}

/**
 * Assembles an entity's reliability summary from the catalog entity and the
 * store. It never calls an upstream source: providers are only asked to map
 * the entity's annotations to a service, which is pure.
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
    return this.finish(
      await this.prepare(entity, credentials, ownerEntity),
      now,
    );
  }

  /**
   * Everything of a summary that does not depend on the time of the read:
   * the entity's metadata read, its owner and the stored on-call data, in
   * one store read (two when the service is missing). With `ownerEntity`
   * given it makes no catalog request and does not depend on the caller,
   * so it may be cached for as long as the stored data is unchanged.
   */
  async prepare(
    entity: Entity,
    credentials: BackstageCredentials,
    ownerEntity?: Entity | null,
  ): Promise<PreparedEntitySummary> {
    const located = this.locateService(entity);
    const [owner, stored] = await Promise.all([
      this.readOwner(entity, credentials, ownerEntity),
      located.kind === 'located'
        ? this.readStored(located)
        : Promise.resolve(undefined),
    ]);
    return {
      entityRef: stringifyEntityRef(entity),
      located,
      runbooks: readRunbooks(entity),
      owner,
      stored,
    };
  }

  /** The summary at `now` (the on-call levels, the data's age). Pure. */
  finish(prepared: PreparedEntitySummary, now: Date): EntityReliabilitySummary {
    const { entityRef, located, runbooks, owner, stored } = prepared;
    // `stored` is read for every located service.
    const onCallPart =
      located.kind === 'located'
        ? this.onCallAt(entityRef, located, stored ?? {}, now)
        : {
            onCall: located.onCall,
            sources: [] as SourceHealth[],
            problems: [] as MetadataProblem[],
          };
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

  private async readStored(located: FoundService): Promise<StoredOnCall> {
    const { store } = this.deps;
    const { source } = located.registered;
    // One read: the source's health with the service, its policy and stats.
    const view = await store.getServiceView(source.id, located.serviceId);
    // Only asked when the service is missing: is it unknown, or unreached?
    const incompleteServices =
      view.health?.lastSuccessAt && !view.service
        ? (await store.getIncompleteServices([source.id])).get(source.id)
        : undefined;
    return { ...view, incompleteServices };
  }

  private onCallAt(
    entityRef: string,
    located: FoundService,
    stored: StoredOnCall,
    now: Date,
  ): {
    onCall: EntityOnCall;
    sources: SourceHealth[];
    problems: MetadataProblem[];
  } {
    const health = stored.health
      ? toSourceHealth(stored.health, {
          now,
          staleAfterMs: this.deps.staleAfterMs,
        })
      : neverSyncedHealth(located.registered.source);
    const { service, policy, incidents, incompleteServices } = stored;
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
