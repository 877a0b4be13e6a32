import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  GroupOnCallEntity,
  GroupOnCallResponse,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityStore } from './ReliabilityStore';
import type { OnCallProviderRegistry } from './OnCallProviderRegistry';
import { collectGroupRefs, GroupWalkLimits } from '../service/collectGroupRefs';
import { locateEntityService } from './locateEntityService';
import {
  buildEntityOnCallFromSourceData,
  readOnCallSourceData,
} from './readOnCallSourceData';
import { toGroupOnCallEntity } from './toGroupOnCallEntity';

/** Bounds of one group on-call response. */
export interface GroupOnCallLimits extends GroupWalkLimits {
  /** Owned entities listed at most. */
  maxEntities: number;
}

/** Deep enough for real org charts, small enough to answer from one page view. */
export const DEFAULT_GROUP_ON_CALL_LIMITS: GroupOnCallLimits = {
  maxDepth: 8,
  maxGroups: 200,
  maxEntities: 500,
};

function refKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * Which of the walked groups owns the entity: the `ownedBy` relation the
 * catalog filter matched, else `spec.owner`.
 */
function ownerOf(entity: Entity, groupKeys: Map<string, string>): string {
  for (const relation of entity.relations ?? []) {
    if (relation.type === RELATION_OWNED_BY) {
      const group = groupKeys.get(refKey(relation.targetRef));
      if (group) {
        return group;
      }
    }
  }
  const owner = entity.spec?.owner;
  if (typeof owner === 'string') {
    try {
      return stringifyEntityRef(
        parseEntityRef(owner, {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
    } catch {
      // fall through to the first group
    }
  }
  return [...groupKeys.values()][0];
}

/**
 * Assembles a team's on-call overview: every entity owned by the group or
 * its sub-groups, each with who holds level 1 now and next, uncovered
 * levels, open high-urgency incidents and freshness. The catalog is read
 * with the caller's credentials in a bounded number of requests (the group,
 * one per level of sub-groups, one for all owned entities); the store is
 * read in bulk per source. No upstream source is called.
 */
export class GroupOnCallBuilder {
  constructor(
    private readonly deps: {
      registry: OnCallProviderRegistry;
      store: ReliabilityStore;
      catalog: CatalogService;
      staleAfterMs: number;
      limits?: GroupOnCallLimits;
    },
  ) {}

  /** Builds the overview of a group the caller is allowed to see. */
  async build(
    group: Entity,
    credentials: BackstageCredentials,
    now: Date = new Date(),
  ): Promise<GroupOnCallResponse> {
    const { catalog, registry } = this.deps;
    const limits = this.deps.limits ?? DEFAULT_GROUP_ON_CALL_LIMITS;

    const walk = await collectGroupRefs({
      catalog,
      credentials,
      root: group,
      limits,
    });
    // One request for everything any of the groups owns.
    const { items } = await catalog.getEntities(
      {
        filter: { [`relations.${RELATION_OWNED_BY}`]: walk.groupRefs },
        order: [{ field: 'metadata.name', order: 'asc' }],
        limit: limits.maxEntities + 1,
      },
      { credentials },
    );
    const owned = items.slice(0, limits.maxEntities);
    const groupKeys = new Map(walk.groupRefs.map(ref => [refKey(ref), ref]));

    const located = owned.map(entity => ({
      entity,
      entityRef: stringifyEntityRef(entity),
      location: locateEntityService(registry, entity),
    }));
    const found = located.flatMap(item =>
      item.location.kind === 'located' ? [item.location] : [],
    );
    const bySource = await readOnCallSourceData({
      store: this.deps.store,
      found,
      staleAfterMs: this.deps.staleAfterMs,
      now,
    });

    const entities: GroupOnCallEntity[] = located.map(
      ({ entity, entityRef, location }) => {
        const title = entity.metadata.title;
        const ownerRef = ownerOf(entity, groupKeys);
        if (location.kind !== 'located') {
          return toGroupOnCallEntity({
            entityRef,
            title,
            ownerRef,
            onCall: location.onCall,
            now,
          });
        }
        const data = bySource.get(location.registered.source.id)!;
        const { onCall } = buildEntityOnCallFromSourceData(
          entityRef,
          location,
          data,
          now,
        );
        return toGroupOnCallEntity({
          entityRef,
          title,
          ownerRef,
          onCall,
          health: data.health,
          now,
        });
      },
    );
    entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef, 'en'));

    return {
      groupRef: stringifyEntityRef(group),
      groupRefs: walk.groupRefs,
      entities,
      sources: [...bySource.values()]
        .map(data => data.health)
        .sort((a, b) => a.id.localeCompare(b.id, 'en')),
      truncated: walk.truncated || items.length > limits.maxEntities,
      generatedAt: now.toISOString(),
    };
  }
}
