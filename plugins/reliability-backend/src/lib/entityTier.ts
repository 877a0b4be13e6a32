import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_TIER } from '@preflight/plugin-reliability-common';

/** The entity's `preflight.dev/tier`, trimmed; null when not set. */
export function entityTier(entity: Entity): string | null {
  return entity.metadata.annotations?.[ANNOTATION_TIER]?.trim() || null;
}
