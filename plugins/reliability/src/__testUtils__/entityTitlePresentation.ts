import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type {
  EntityPresentationApi,
  EntityRefPresentationSnapshot,
} from '@backstage/plugin-catalog-react';

/**
 * An entity presentation API that knows the titles of a few entities, as
 * the catalog's would after reading them; others show their name. Lets
 * tests check that components show what the catalog presents.
 */
export function entityTitlePresentation(
  titles: Record<string, string>,
): EntityPresentationApi {
  return {
    forEntity(entityOrRef, context) {
      const ref =
        typeof entityOrRef === 'string'
          ? stringifyEntityRef(
              parseEntityRef(entityOrRef, {
                defaultKind: context?.defaultKind,
                defaultNamespace: context?.defaultNamespace,
              }),
            )
          : stringifyEntityRef(entityOrRef);
      const snapshot: EntityRefPresentationSnapshot = {
        entityRef: ref,
        primaryTitle: titles[ref] ?? parseEntityRef(ref).name,
        secondaryTitle: ref,
      };
      return { snapshot, promise: Promise.resolve(snapshot) };
    },
  };
}
