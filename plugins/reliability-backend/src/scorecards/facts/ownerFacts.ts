import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OwnerFacts } from '@preflight/plugin-reliability-node';
import type { ReadinessRunContext } from './ReadinessFactSources';

/** An owner entity and the e-mail addresses of its members. */
export interface ResolvedOwner {
  ref: string;
  kind: string;
  /** The owner as an entity page names it: kind, name, namespace, title, profile. */
  presentation: Entity;
  annotations: Record<string, string>;
  memberRefs: string[] | null;
  memberEmails: string[];
}

/** The key of an owner ref in {@link ReadinessRunContext.owners}. */
export const ownerKey = (ref: string) => ref.toLocaleLowerCase('en-US');

function isGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}

function emailOf(entity: Entity): string | undefined {
  const email = (entity.spec?.profile as { email?: unknown } | undefined)
    ?.email;
  return typeof email === 'string' && email.trim() !== ''
    ? email.trim()
    : undefined;
}

function memberRefsOf(group: Entity): string[] {
  return (group.relations ?? [])
    .filter(relation => relation.type === RELATION_HAS_MEMBER)
    .map(relation => relation.targetRef);
}

/** The e-mail addresses of these members, by ref key: one catalog request. */
async function readMemberEmails(
  catalog: CatalogService,
  memberRefs: Set<string>,
  context: ReadinessRunContext,
): Promise<Map<string, string>> {
  const emails = new Map<string, string>();
  if (memberRefs.size === 0) {
    return emails;
  }
  const members = await catalog.getEntitiesByRefs(
    {
      entityRefs: [...memberRefs],
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.profile'],
    },
    { credentials: context.credentials },
  );
  for (const member of members.items) {
    const email = member ? emailOf(member) : undefined;
    if (member && email) {
      emails.set(ownerKey(stringifyEntityRef(member)), email);
    }
  }
  return emails;
}

function resolveOwner(
  owner: Entity,
  emails: Map<string, string>,
): ResolvedOwner {
  const members = isGroup(owner) ? memberRefsOf(owner).sort() : null;
  const profile = (owner.spec as { profile?: unknown } | undefined)?.profile;
  return {
    ref: stringifyEntityRef(owner),
    kind: owner.kind.toLocaleLowerCase('en-US'),
    presentation: {
      apiVersion: owner.apiVersion ?? 'backstage.io/v1alpha1',
      kind: owner.kind,
      metadata: {
        name: owner.metadata.name,
        namespace: owner.metadata.namespace ?? 'default',
        ...(owner.metadata.title ? { title: owner.metadata.title } : {}),
      },
      ...(profile ? { spec: { profile } } : {}),
    },
    annotations: owner.metadata.annotations ?? {},
    memberRefs: members,
    memberEmails: (members ?? []).flatMap(ref => {
      const email = emails.get(ownerKey(ref));
      return email ? [email] : [];
    }),
  };
}

/**
 * Reads the owners of a page of entities (and the members of owner groups)
 * with two catalog requests at most, reusing owners read by earlier pages.
 * Owners are kept in `context.owners`; one not in the catalog as null.
 */
export async function readOwners(
  catalog: CatalogService,
  ownerRefs: string[],
  context: ReadinessRunContext,
): Promise<void> {
  const wanted = [
    ...new Set(ownerRefs.filter(ref => !context.owners.has(ownerKey(ref)))),
  ];
  if (wanted.length === 0) {
    return;
  }
  const { items } = await catalog.getEntitiesByRefs(
    {
      entityRefs: wanted,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
        'metadata.title',
        'spec.profile',
        'relations',
      ],
    },
    { credentials: context.credentials },
  );
  const memberRefs = new Set<string>();
  for (const owner of items) {
    if (owner && isGroup(owner)) {
      memberRefsOf(owner).forEach(ref => memberRefs.add(ref));
    }
  }
  const emails = await readMemberEmails(catalog, memberRefs, context);
  wanted.forEach((wantedRef, index) => {
    const owner = items[index];
    context.owners.set(
      ownerKey(wantedRef),
      owner ? resolveOwner(owner, emails) : null,
    );
  });
}

/** The `owner` fact of an entity whose `spec.owner` is `ownerRef`, from the owners read. */
export function ownerFactsOf(
  ownerRef: string | undefined,
  context: ReadinessRunContext,
): OwnerFacts | null {
  if (!ownerRef) {
    return null;
  }
  const resolved = context.owners.get(ownerKey(ownerRef));
  return {
    ref: resolved?.ref ?? ownerRef,
    exists: Boolean(resolved),
    ...(resolved ? { kind: resolved.kind } : {}),
    memberRefs: resolved?.memberRefs ?? null,
    memberEmails: resolved?.memberEmails ?? [],
    annotations: resolved?.annotations ?? {},
  };
}
