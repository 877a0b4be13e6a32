import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { SloProblem } from '@preflight/plugin-reliability-common';
import { readEntitySlos } from './readEntitySlos';
import type { SloProviderRegistry } from './SloProviderRegistry';
import type { EntitySloDeclarations } from './SloStore';

// Files of different entities are read side by side, a few at a time, so a
// slow URL host delays a run without flooding it.
const READ_CONCURRENCY = 4;

/**
 * Reads and locates the SLOs of the given entities: parses each entity's
 * OpenSLO files and asks the providers which source measures each SLO. A
 * location problem is reported against the SLO's file and field.
 */
export async function collectSloDeclarations(options: {
  entities: Entity[];
  registry: SloProviderRegistry;
  urlReader: UrlReaderService;
  signal: AbortSignal;
  /** Longest SLO window accepted, in seconds. */
  maxWindowSeconds?: number;
}): Promise<{ declarations: EntitySloDeclarations[]; entities: Entity[] }> {
  const { entities, registry, urlReader, signal, maxWindowSeconds } = options;
  const declarations: EntitySloDeclarations[] = new Array(entities.length);
  let next = 0;
  const worker = async () => {
    while (next < entities.length) {
      const index = next++;
      const entity = entities[index];
      const read = await readEntitySlos(entity, {
        urlReader,
        signal,
        maxWindowSeconds,
      });
      const problems: SloProblem[] = [...read.problems];
      const slos = read.definitions.map(definition => {
        const location = registry.locate(entity, definition);
        if ('problem' in location) {
          problems.push({
            ...location.problem,
            file: definition.file,
            sloName: definition.name,
          });
          return { definition };
        }
        return { definition, sourceId: location.sourceId };
      });
      declarations[index] = { entityRef: read.entityRef, slos, problems };
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(READ_CONCURRENCY, entities.length) }, worker),
  );
  return { declarations, entities };
}
