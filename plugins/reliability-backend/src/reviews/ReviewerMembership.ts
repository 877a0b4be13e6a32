import type { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';

// Nesting deeper than this is not followed (and cycles end here too).
const MAX_DEPTH = 10;

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

function targets(entity: Entity | null | undefined, type: string): string[] {
  return (entity?.relations ?? [])
    .filter(r => r.type === type)
    .map(r => lower(r.targetRef));
}

/**
 * The catalog groups a user belongs to, directly (`memberOf`) or through a
 * sub-group (each group's `childOf` parents, transitively). Read with the
 * plugin's own service credentials: whether a reviewer belongs to a group
 * must not depend on what the reviewer may see of the catalog.
 */
export class ReviewerMembership {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async groupsOf(userRef: string): Promise<Set<string>> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const user = await this.catalog.getEntityByRef(userRef, { credentials });
    const groups = new Set<string>();
    let frontier = targets(user, 'memberOf');
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const fresh = frontier.filter(ref => !groups.has(ref));
      fresh.forEach(ref => groups.add(ref));
      if (fresh.length === 0) {
        break;
      }
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: fresh, fields: ['kind', 'metadata', 'relations'] },
        { credentials },
      );
      frontier = items.flatMap(item => targets(item, 'childOf'));
    }
    return groups;
  }
}
