import type { SloDefinition } from '@preflight/plugin-reliability-node';

/**
 * Key of an SLO across entities: `<entityRef>/<id>`, e.g.
 * `component:default/checkout-api/checkout-api-availability`. SLO ids are
 * unique within an entity and contain no "/".
 */
export function sloRefOf(
  definition: Pick<SloDefinition, 'entityRef' | 'id'>,
): string {
  return `${definition.entityRef}/${definition.id}`;
}
