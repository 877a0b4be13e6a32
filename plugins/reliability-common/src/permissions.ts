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

/**
 * Open a readiness review on an entity. Scoped to the catalog entity, so a
 * policy can use the catalog's conditions (e.g. only the owners open one).
 * @public
 */
export const reliabilityReviewCreatePermission = createPermission({
  name: 'reliability.review.create',
  attributes: { action: 'create' },
  resourceType: 'catalog-entity',
});

/**
 * Answer, re-affirm and submit a readiness review of an entity.
 * @public
 */
export const reliabilityReviewUpdatePermission = createPermission({
  name: 'reliability.review.update',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Sign off, request changes on, or waive items of a section of a readiness
 * review of an entity. Catalog membership of the section's reviewer group is
 * required on top, and the DRI may not sign unless configured.
 * @public
 */
export const reliabilityReviewSignoffPermission = createPermission({
  name: 'reliability.review.signoff',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Cancel an open readiness review of an entity.
 * @public
 */
export const reliabilityReviewCancelPermission = createPermission({
  name: 'reliability.review.cancel',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});

/** All permissions of the reliability plugin. @public */
export const reliabilityPermissions = [
  reliabilityEntityRefreshPermission,
  reliabilityReviewCreatePermission,
  reliabilityReviewUpdatePermission,
  reliabilityReviewSignoffPermission,
  reliabilityReviewCancelPermission,
];
