import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Refresh one entity's reliability data from upstream now. It is the only
 * per-entity upstream path, so it is a permission of its own, scoped to the
 * catalog entity so policies can limit it to the entity's owners.
 * @public
 */
export const reliabilityEntityRefreshPermission = createPermission({
  name: 'reliability.entity.refresh',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/** All permissions of the reliability plugin. @public */
export const reliabilityPermissions = [reliabilityEntityRefreshPermission];
