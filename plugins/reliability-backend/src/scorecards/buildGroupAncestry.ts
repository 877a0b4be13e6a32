import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { GroupAncestry } from './ScorecardStore';

// Far deeper than any org chart; bounds the walk of a malformed hierarchy.
const MAX_DEPTH = 64;

const refKey = (ref: string) => ref.toLocaleLowerCase('en-US');

function parseGroupRef(value: unknown, namespace: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind: 'group',
        defaultNamespace: namespace,
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The closure of the group hierarchy: every group paired with itself and
 * with each of its ancestors. Parents come from `spec.parent` and `childOf`
 * relations, and from the `spec.children` and `parentOf` relations of the
 * parent, so a hierarchy declared from either side (or not yet processed
 * into relations) is complete. Refs are the groups' own refs, whatever the
 * case used to point at them; refs to entities that are not listed groups
 * are ignored. Cycles and absurd depths are cut.
 */
export function buildGroupAncestry(groups: Entity[]): GroupAncestry[] {
  const canonical = new Map<string, string>();
  for (const group of groups) {
    const ref = stringifyEntityRef(group);
    canonical.set(refKey(ref), ref);
  }
  const parents = new Map<string, Set<string>>();
  const link = (child: string | undefined, parent: string | undefined) => {
    const c = child && canonical.get(refKey(child));
    const p = parent && canonical.get(refKey(parent));
    if (c && p && c !== p) {
      const set = parents.get(c) ?? new Set<string>();
      set.add(p);
      parents.set(c, set);
    }
  };
  for (const group of groups) {
    const ref = stringifyEntityRef(group);
    const namespace = group.metadata.namespace ?? 'default';
    link(ref, parseGroupRef(group.spec?.parent, namespace));
    const children: unknown = group.spec?.children;
    if (Array.isArray(children)) {
      children.forEach(child => link(parseGroupRef(child, namespace), ref));
    }
    for (const relation of group.relations ?? []) {
      if (relation.type === RELATION_CHILD_OF) {
        link(ref, relation.targetRef);
      } else if (relation.type === RELATION_PARENT_OF) {
        link(relation.targetRef, ref);
      }
    }
  }

  const pairs: GroupAncestry[] = [];
  for (const groupRef of [...canonical.values()].sort()) {
    const seen = new Set<string>([groupRef]);
    let frontier = [groupRef];
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const ref of frontier) {
        for (const parent of parents.get(ref) ?? []) {
          if (!seen.has(parent)) {
            seen.add(parent);
            next.push(parent);
          }
        }
      }
      frontier = next;
    }
    for (const ancestorRef of [...seen].sort()) {
      pairs.push({ groupRef, ancestorRef });
    }
  }
  return pairs;
}
