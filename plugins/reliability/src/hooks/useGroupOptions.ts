import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { useKeyedRequest } from './useKeyedRequest';

/** The key the groups are loaded under; it names no entity. */
const GROUPS_KEY = 'catalog:groups';

/** A catalog group as a filter option. */
export interface GroupOption {
  ref: string;
  title: string;
}

/**
 * The catalog's groups, by title, for filters that choose a team. Empty
 * while loading or when the catalog cannot be read (the filter then offers
 * "all teams" only).
 */
export function useGroupOptions(): { options: GroupOption[]; error?: Error } {
  const catalogApi = useApi(catalogApiRef);
  const { value, error } = useKeyedRequest(GROUPS_KEY, async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'group' },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return items
      .map(entity => {
        const profile = (entity.spec?.profile ?? {}) as {
          displayName?: string;
        };
        return {
          ref: stringifyEntityRef(entity),
          title:
            entity.metadata.title ??
            profile.displayName ??
            entity.metadata.name,
        };
      })
      .sort((a, b) => a.title.localeCompare(b.title));
  });
  return { options: value ?? [], error };
}
