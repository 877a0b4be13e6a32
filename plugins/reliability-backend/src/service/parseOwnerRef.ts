import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { MetadataProblem } from '@preflight/plugin-reliability-common';
import { errorMessage } from '../lib/errorMessage';

/**
 * The full ref of an entity's `spec.owner` (a bare name means a group in the
 * entity's namespace, as in Backstage), or the problem with it. Neither when
 * no owner is set.
 */
export function parseOwnerRef(entity: Entity): {
  ref?: string;
  problem?: MetadataProblem;
} {
  const rawOwner = entity.spec?.owner;
  if (typeof rawOwner !== 'string' || rawOwner.trim() === '') {
    return {};
  }
  try {
    return {
      ref: stringifyEntityRef(
        parseEntityRef(rawOwner.trim(), {
          defaultKind: 'group',
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      ),
    };
  } catch (error) {
    return {
      problem: {
        entityRef: stringifyEntityRef(entity),
        field: 'spec.owner',
        message: `"${rawOwner}" is not a valid entity reference: ${errorMessage(
          error,
        )}`,
        fix: 'Use a reference such as group:default/team-payments or team-payments.',
      },
    };
  }
}
