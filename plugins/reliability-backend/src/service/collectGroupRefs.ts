import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** Bounds of a sub-group walk. */
export interface GroupWalkLimits {
  /** Levels of sub-groups below the root that are followed. */
  maxDepth: number;
  /** Groups collected at most, the root included. */
  maxGroups: number;
}

/** The group and its sub-groups, as a walk found them. */
export interface CollectedGroups {
  /** The root first, then sub-groups level by level. */
  groupRefs: string[];
  /** True when a limit cut the walk short. */
  truncated: boolean;
}

// Entity refs are case-insensitive in the catalog.
function refKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * A group's direct sub-groups: the catalog's `parentOf` relations, and
 * `spec.children` for a group the catalog has not processed relations for.
 */
function childRefsOf(group: Entity): string[] {
  const refs = new Map<string, string>();
  for (const relation of group.relations ?? []) {
    if (
      relation.type === RELATION_PARENT_OF &&
      !refs.has(refKey(relation.targetRef))
    ) {
      refs.set(refKey(relation.targetRef), relation.targetRef);
    }
  }
  const children: unknown = group.spec?.children;
  if (Array.isArray(children)) {
    for (const child of children) {
      if (typeof child !== 'string') {
        continue;
      }
      try {
        const ref = stringifyEntityRef(
          parseEntityRef(child, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace ?? 'default',
          }),
        );
        if (!refs.has(refKey(ref))) {
          refs.set(refKey(ref), ref);
        }
      } catch {
        // The catalog rejects such a group; nothing to follow.
      }
    }
  }
  return [...refs.values()];
}

/**
 * Walks a group's sub-groups breadth first with the caller's credentials:
 * one catalog request per level of the tree (never one per group), bounded
 * in depth and size, and safe against cycles. Sub-groups the caller may not
 * see are left out, as are refs that are not groups.
 */
export async function collectGroupRefs(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  root: Entity;
  limits: GroupWalkLimits;
}): Promise<CollectedGroups> {
  const { catalog, credentials, root, limits } = options;
  const rootRef = stringifyEntityRef(root);
  const seen = new Set<string>([refKey(rootRef)]);
  const groupRefs = [rootRef];
  let truncated = false;
  let frontier: Entity[] = [root];

  for (let depth = 1; frontier.length > 0; depth += 1) {
    const unseen = new Map<string, string>();
    for (const ref of frontier.flatMap(childRefsOf)) {
      if (!seen.has(refKey(ref)) && !unseen.has(refKey(ref))) {
        unseen.set(refKey(ref), ref);
      }
    }
    const next = [...unseen.values()];
    if (next.length === 0) {
      break;
    }
    if (depth > limits.maxDepth) {
      truncated = true;
      break;
    }
    const room = limits.maxGroups - groupRefs.length;
    if (next.length > room) {
      truncated = true;
    }
    const wanted = next.slice(0, Math.max(0, room));
    if (wanted.length === 0) {
      break;
    }
    wanted.forEach(ref => seen.add(refKey(ref)));

    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: wanted,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'spec.children',
          'relations',
        ],
      },
      { credentials },
    );
    frontier = items.filter(
      (item): item is Entity =>
        item !== undefined && item.kind.toLocaleLowerCase('en-US') === 'group',
    );
    for (const group of frontier) {
      const ref = stringifyEntityRef(group);
      seen.add(refKey(ref));
      groupRefs.push(ref);
    }
  }

  return { groupRefs, truncated };
}
