import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { OnCallProviderRegistry } from '../../oncall/OnCallProviderRegistry';
import { locateEntityService } from '../../oncall/locateEntityService';
import { parseOwnerRef } from '../../service/parseOwnerRef';
import type { ReportEntity } from '../store/ReportStore';

const PAGE_SIZE = 500;
// 200,000 entities: beyond any catalog we serve, and a bound on a cursor
// that never ends.
const MAX_PAGES = 400;

/**
 * The catalog entities whose annotations name a service of `sourceId`, with
 * their owner and title: what the organisation and team reports scope by.
 * Read in pages with the plugin's own credentials, only the fields needed;
 * visibility to the caller is checked when a report is read.
 */
export async function listMappedEntities(options: {
  catalog: CatalogService;
  auth: AuthService;
  registry: OnCallProviderRegistry;
  sourceId: string;
  signal?: AbortSignal;
  pageSize?: number;
}): Promise<ReportEntity[]> {
  const { catalog, auth, registry, sourceId, signal } = options;
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const credentials: BackstageCredentials =
    await auth.getOwnServiceCredentials();
  const entities: ReportEntity[] = [];
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
              'metadata.title',
              'metadata.annotations',
              'spec.owner',
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
        entities.push({
          entityRef: stringifyEntityRef(entity),
          sourceId,
          serviceId: located.serviceId,
          ownerRef: parseOwnerRef(entity).ref ?? null,
          title: entity.metadata.title ?? entity.metadata.name,
        });
      }
    }
    cursor = response.pageInfo.nextCursor;
    if (!cursor) {
      return entities;
    }
  }
  throw new Error(
    `the catalog listed more than ${MAX_PAGES * pageSize} entities`,
  );
}
