/*
 * Backstage's in-memory test catalog with its by-ref reads indexed. The test
 * catalog rebuilds a map of every entity on each `getEntityByRef` and
 * `getEntitiesByRefs`, so with the 10,000-component fleet a by-ref read costs
 * tens of milliseconds of the server's event loop; the real catalog answers
 * it from an indexed table. A benchmark of routes that read the catalog by
 * ref would otherwise time the test double. Filtered and queried reads are
 * left to the test catalog (the scorecard evaluation's paging).
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

/** The test catalog over a fixed set of entities, by-ref reads from an index. */
export function indexedCatalog(entities: Entity[]): Catalog {
  const catalog = catalogServiceMock({ entities });
  const byRef = new Map(
    entities.map(e => [
      refOf({ ...e, namespace: e.metadata.namespace, name: e.metadata.name }),
      e,
    ]),
  );
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
