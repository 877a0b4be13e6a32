import { hash as oneShotHash } from 'node:crypto';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { parseOwnerRef } from '../service/parseOwnerRef';
import { ownerKey, type ResolvedOwner } from './facts/ownerFacts';
import type { EntityPageSnapshot } from './ScorecardStore';

function hash(value: unknown): string {
  return oneShotHash(
    'sha256',
    JSON.stringify(value) ?? 'null',
    'base64url',
  ).slice(0, 22);
}

/**
 * The entity-page snapshots of a page of entities the evaluation read, left
 * out when unchanged since stored (same entity etag, same owner). The owner
 * comes from the owners the run already resolved (lower-cased refs), so this
 * costs no catalog request.
 */
export function changedEntityPageSnapshots(
  entities: Entity[],
  owners: Map<string, ResolvedOwner | null>,
  storedMarks: Map<string, string>,
): EntityPageSnapshot[] {
  const changed: EntityPageSnapshot[] = [];
  for (const entity of entities) {
    const entityRef = stringifyEntityRef(entity);
    const ownerRef = parseOwnerRef(entity).ref;
    const key = ownerRef ? ownerKey(ownerRef) : undefined;
    if (key && !owners.has(key)) {
      // The owners were not read (the page's catalog read failed): unknown
      // is not "missing"; keep what is stored.
      continue;
    }
    const owner = key ? owners.get(key)?.presentation ?? null : null;
    // An entity without an etag (a catalog that sets none) is compared whole.
    const mark = `${entity.metadata.etag ?? hash(entity)}.${hash(owner)}`;
    if (storedMarks.get(entityRef) !== mark) {
      changed.push({ entityRef, mark, entity, owner });
    }
  }
  return changed;
}
