import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  type CompoundEntityRef,
  type Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { parseOwnerRef } from './parseOwnerRef';

const sameRef = (a: string, b: string) =>
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/**
 * An entity and its owner in one catalog request, with the caller's
 * credentials (so what the caller may not see is not found): the filter asks
 * for the entity by kind, namespace and name, or for whatever owns it (the
 * catalog gives an existing owner the `ownerOf` relation). `owner` is
 * undefined when the answer cannot tell (no owner entity came back although
 * `spec.owner` names one, e.g. relations not stitched yet): the caller then
 * looks the owner up by ref.
 */
export async function readEntityWithOwner(
  catalog: CatalogService,
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
): Promise<{ entity?: Entity; owner?: Entity | null }> {
  const entityRef = stringifyEntityRef(ref);
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          kind: ref.kind,
          'metadata.namespace': ref.namespace,
          'metadata.name': ref.name,
        },
        { 'relations.ownerOf': entityRef },
      ],
    },
    { credentials },
  );
  const entity = items.find(item =>
    sameRef(stringifyEntityRef(item), entityRef),
  );
  if (!entity) {
    return {};
  }
  const ownerRef = parseOwnerRef(entity).ref;
  if (!ownerRef) {
    return { entity, owner: null };
  }
  const owner = items.find(item => sameRef(stringifyEntityRef(item), ownerRef));
  return { entity, owner };
}
