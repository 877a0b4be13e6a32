import type { AuthService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallProviderRegistry } from './OnCallProviderRegistry';
import { listMappedEntities } from '../reports/sync/listMappedEntities';

/**
 * The service ids catalog entities name for one on-call source, found the
 * way entity pages find them (each provider maps annotations, purely): the
 * distinct services of `listMappedEntities`, which reads the catalog in
 * bounded pages with the plugin's own credentials. A sync asks for this only
 * when its source's service list was too long to read whole.
 */
export async function listAnnotatedServiceIds(options: {
  catalog: CatalogService;
  auth: AuthService;
  registry: OnCallProviderRegistry;
  sourceId: string;
  signal?: AbortSignal;
  /** Entities per page; 500 unless a test needs several pages. */
  pageSize?: number;
}): Promise<string[]> {
  const entities = await listMappedEntities(options);
  return [...new Set(entities.map(entity => entity.serviceId))];
}
