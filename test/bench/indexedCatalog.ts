/*
 * Backstage's in-memory test catalog with its by-ref reads indexed. The test
 * catalog rebuilds a map of every entity on each `getEntityByRef` and
 * `getEntitiesByRefs`, so with the 10,000-component fleet a by-ref read costs
 * tens of milliseconds of the server's event loop; the real catalog answers
 * it from an indexed table. Its `queryEntities` builds the search rows of
 * every entity twice per call (to filter, then to order), about 0.4 s of a
 * 10,000-component evaluation's paging; the real catalog reads a search
 * table. A benchmark would otherwise time the test double.
 *
 * So by-ref reads come from a map, and listings by kind (filtered on `kind`
 * alone, in catalog order or by `metadata.uid`) from lists sorted once, as
 * the test catalog orders them. Every other read is the test catalog's.
 */
import { createServiceFactory } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

type Catalog = ReturnType<typeof catalogServiceMock>;

/** `kind:namespace/name`, lower-cased, as the catalog keys entities. */
function refOf(ref: { kind: string; namespace?: string; name: string }) {
  return `${ref.kind}:${ref.namespace ?? 'default'}/${ref.name}`.toLowerCase();
}

/** The entity with only the dotted `fields` (as the catalog's `fields` query). */
function pickFields(entity: Entity, fields: string[]): Entity {
  const picked: Record<string, unknown> = {};
  for (const field of fields) {
    const path = field.split('.');
    let from: unknown = entity;
    for (const part of path) {
      from = (from as Record<string, unknown> | undefined)?.[part];
    }
    if (from === undefined) continue;
    let into = picked;
    for (const part of path.slice(0, -1)) {
      into = (into[part] ??= {}) as Record<string, unknown>;
    }
    into[path[path.length - 1]] = from;
  }
  return picked as unknown as Entity;
}

type QueryRequest = NonNullable<Parameters<Catalog['queryEntities']>[0]>;
type QueryResponse = Awaited<ReturnType<Catalog['queryEntities']>>;

/** Where a listing by kind stands: what it lists and from where. */
interface KindListing {
  kinds: string[];
  byUid: boolean;
  offset: number;
}

const CURSOR_PREFIX = 'indexed:';

/**
 * The listing a request asks for, when it is one this index answers: a
 * filter on `kind` alone, no query or full-text filter, in catalog order or
 * by `metadata.uid` ascending.
 */
function kindListingOf(request: QueryRequest): KindListing | undefined {
  if ('cursor' in request) {
    return request.cursor.startsWith(CURSOR_PREFIX)
      ? JSON.parse(
          Buffer.from(
            request.cursor.slice(CURSOR_PREFIX.length),
            'base64url',
          ).toString(),
        )
      : undefined;
  }
  const { filter, orderFields } = request;
  if (request.query || request.fullTextFilter || Array.isArray(filter)) {
    return undefined;
  }
  const keys = Object.keys(filter ?? {});
  const kind = (filter as Record<string, unknown> | undefined)?.kind;
  const kinds = typeof kind === 'string' ? [kind] : kind;
  const orders = orderFields === undefined ? [] : [orderFields].flat();
  const byUid =
    orders.length === 1 &&
    orders[0].field === 'metadata.uid' &&
    orders[0].order === 'asc';
  if (
    keys.length !== 1 ||
    keys[0] !== 'kind' ||
    !Array.isArray(kinds) ||
    !kinds.every(k => typeof k === 'string') ||
    (orders.length > 0 && !byUid)
  ) {
    return undefined;
  }
  return {
    kinds: kinds.map(k => k.toLowerCase()),
    byUid,
    offset: request.offset ?? 0,
  };
}

function cursorOf(listing: KindListing): string {
  return `${CURSOR_PREFIX}${Buffer.from(JSON.stringify(listing)).toString(
    'base64url',
  )}`;
}

/** An entity's ref as {@link refOf} writes it. */
function entityRefOf(entity: Entity): string {
  return refOf({
    kind: entity.kind,
    namespace: entity.metadata.namespace,
    name: entity.metadata.name,
  });
}

/**
 * The test catalog's order by `metadata.uid` ascending: lower-cased values,
 * entities without one last, ties by entity ref.
 */
function byUidAscending(a: Entity, b: Entity): number {
  const aUid = a.metadata.uid?.toLowerCase() ?? null;
  const bUid = b.metadata.uid?.toLowerCase() ?? null;
  if (aUid !== bUid) {
    if (aUid === null) return 1;
    if (bUid === null) return -1;
    return aUid < bUid ? -1 : 1;
  }
  const aRef = entityRefOf(a);
  const bRef = entityRefOf(b);
  if (aRef === bRef) return 0;
  return aRef < bRef ? -1 : 1;
}

/** Listings by kind, each entity list sorted once. */
function kindListings(entities: Entity[]) {
  const cache = new Map<string, Entity[]>();
  return (listing: KindListing): Entity[] => {
    const key = JSON.stringify([listing.kinds, listing.byUid]);
    let listed = cache.get(key);
    if (!listed) {
      listed = entities.filter(e =>
        listing.kinds.includes(e.kind.toLowerCase()),
      );
      if (listing.byUid) {
        listed.sort(byUidAscending);
      }
      cache.set(key, listed);
    }
    return listed;
  };
}

/** The test catalog over a fixed set of entities, by-ref reads from an index. */
export function indexedCatalog(entities: Entity[]): Catalog {
  const catalog = catalogServiceMock({ entities });
  const listingsByKind = kindListings(entities);
  const testCatalogQuery = catalog.queryEntities.bind(catalog);
  catalog.queryEntities = async (request = {}, options) => {
    const listing = kindListingOf(request);
    if (!listing) {
      return testCatalogQuery(request, options);
    }
    const listed = listingsByKind(listing);
    const { fields, limit } = request;
    const page = (items: Entity[]) =>
      fields ? items.map(e => pickFields(e, fields)) : items;
    if (limit === undefined && listing.offset === 0) {
      return { items: page(listed), pageInfo: {}, totalItems: listed.length };
    }
    const { offset } = listing;
    const end = offset + (limit ?? listed.length);
    const pageInfo: QueryResponse['pageInfo'] = {};
    if (end < listed.length) {
      pageInfo.nextCursor = cursorOf({ ...listing, offset: end });
    }
    if (offset > 0) {
      pageInfo.prevCursor = cursorOf({
        ...listing,
        offset: Math.max(0, offset - (limit ?? listed.length)),
      });
    }
    return {
      items: page(listed.slice(offset, end)),
      pageInfo,
      totalItems: listed.length,
    };
  };
  const byRef = new Map(entities.map(e => [entityRefOf(e), e]));
  const filteredByRefs = catalog.getEntitiesByRefs.bind(catalog);
  catalog.getEntityByRef = async ref =>
    byRef.get(typeof ref === 'string' ? ref.toLowerCase() : refOf(ref));
  catalog.getEntitiesByRefs = async (request, options) => {
    if (request.filter || request.query) {
      return filteredByRefs(request, options);
    }
    const { fields } = request;
    return {
      items: request.entityRefs.map(ref => {
        const entity = byRef.get(ref);
        return entity && fields ? pickFields(entity, fields) : entity;
      }),
    };
  };
  return catalog;
}

/** The indexed test catalog as the backend's catalog service. */
export function indexedCatalogFactory(options: { entities: Entity[] }) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => indexedCatalog(options.entities),
  });
}
