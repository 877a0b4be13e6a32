import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_OPENSLO } from '@preflight/plugin-reliability-common';

const PAGE_SIZE = 500;
// 200 pages of 500 is 100,000 entities with SLOs: far beyond any fleet, and
// a bound on a cursor that never ends.
const MAX_PAGES = 200;

/**
 * Every catalog entity with the `preflight.dev/openslo` annotation, read in
 * pages of one query with the plugin's own credentials.
 */
export async function listSloEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  signal: AbortSignal;
  /** Entities per page; 500 unless a test needs several pages. */
  pageSize?: number;
}): Promise<Entity[]> {
  const { catalog, auth, signal } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const credentials: BackstageCredentials =
    await auth.getOwnServiceCredentials();
  const entities: Entity[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    signal.throwIfAborted();
    const response = await catalog.queryEntities(
      cursor
        ? { cursor, limit: pageSize }
        : {
            filter: {
              [`metadata.annotations.${ANNOTATION_OPENSLO}`]:
                CATALOG_FILTER_EXISTS,
            },
            limit: pageSize,
          },
      { credentials },
    );
    entities.push(...response.items);
    cursor = response.pageInfo.nextCursor;
    if (!cursor) {
      return entities;
    }
  }
  throw new Error(
    `the catalog listed more than ${MAX_PAGES * pageSize} entities with SLOs`,
  );
}
