import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallProviderRegistry } from '../providers/OnCallProviderRegistry';
import { locateEntityService } from '../service/locateEntityService';

const PAGE_SIZE = 500;
// 400 pages of 500 is 200,000 entities: beyond any catalog we serve, and a
// bound on a cursor that never ends.
const MAX_PAGES = 400;

/**
 * The service ids catalog entities name for one on-call source, found the
 * way entity pages find them (each provider maps annotations, purely). Reads
 * only the fields that mapping needs, in pages, with the plugin's own
 * credentials. A sync asks for this only when its source's service list
 * was too long to read whole.
 * @public
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
  const { catalog, auth, registry, sourceId, signal } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const credentials: BackstageCredentials =
    await auth.getOwnServiceCredentials();
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    signal?.throwIfAborted();
    const response = await catalog.queryEntities(
      cursor
        ? { cursor, limit: pageSize }
        : {
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.annotations',
            ],
            limit: pageSize,
          },
      { credentials },
    );
    for (const entity of response.items) {
      const located = locateEntityService(registry, entity);
      if (
        located.kind === 'located' &&
        located.registered.source.id === sourceId
      ) {
        ids.add(located.serviceId);
      }
    }
    cursor = response.pageInfo.nextCursor;
    if (!cursor) {
      return [...ids];
    }
  }
  throw new Error(
    `the catalog listed more than ${MAX_PAGES * pageSize} entities`,
  );
}
