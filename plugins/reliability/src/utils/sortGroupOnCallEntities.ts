import type { GroupOnCallEntity } from '@preflight/plugin-reliability-common';

/** What names an entity in a table: its ref and, when set, its title. */
export interface NamedEntity {
  entityRef: string;
  title?: string;
}

/** The kind part of an entity ref, e.g. `component`. */
export function entityKind(entity: NamedEntity): string {
  return entity.entityRef.split(':')[0].toLocaleLowerCase('en-US');
}

/**
 * How much an entity needs someone's attention, most first: pages that
 * nobody answers, open high-urgency incidents, broken on-call metadata,
 * components nobody is paged for, entities waiting for data, the healthy
 * rest, and last systems, APIs and the like without on-call, which is
 * normal for them.
 */
function attentionRank(entity: GroupOnCallEntity): number {
  switch (entity.state) {
    case 'ok':
      if (entity.uncoveredLevels.length > 0 || entity.onCallNow.length === 0) {
        return 0;
      }
      return (entity.openHighUrgencyIncidents ?? 0) > 0 ? 1 : 5;
    case 'malformed':
    case 'unknown-service':
      return 2;
    case 'not-configured':
      return entityKind(entity) === 'component' ? 3 : 6;
    default:
      return 4;
  }
}

/** The name a person sees in the table: the title, else the entity name. */
export function entityDisplayName(entity: NamedEntity): string {
  return entity.title ?? entity.entityRef.replace(/^[^:]+:[^/]+\//, '');
}

/**
 * The entities of a team's on-call overview with problems first (see
 * {@link attentionRank}); then by open high-urgency incidents and name.
 */
export function sortGroupOnCallEntities(
  entities: GroupOnCallEntity[],
): GroupOnCallEntity[] {
  return [...entities].sort(
    (a, b) =>
      attentionRank(a) - attentionRank(b) ||
      (b.openHighUrgencyIncidents ?? 0) - (a.openHighUrgencyIncidents ?? 0) ||
      entityDisplayName(a).localeCompare(entityDisplayName(b), 'en', {
        sensitivity: 'base',
      }),
  );
}
