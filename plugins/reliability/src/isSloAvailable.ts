import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_OPENSLO } from '@preflight/plugin-reliability-common';

/**
 * True when the entity points at OpenSLO files with the
 * `preflight.dev/openslo` annotation (even a broken one, whose problems the
 * SLO card names). For `EntitySwitch.Case if={...}` around `EntitySloCard`.
 * @public
 */
export function isSloAvailable(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_OPENSLO]?.trim());
}
