import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { indexedCatalog } from './indexedCatalog';
import { generateScorecardFleet } from './scorecardFleet';

type Catalog = ReturnType<typeof catalogServiceMock>;
type QueryRequest = NonNullable<Parameters<Catalog['queryEntities']>[0]>;

const credentials = { credentials: {} as never };

/** Every page of a query, following the next-page cursor. */
async function allPages(catalog: Catalog, first: QueryRequest) {
  const pages: Array<{ items: Entity[]; totalItems: number }> = [];
  let request: QueryRequest = first;
  for (let page = 0; page < 100; page++) {
    const response = await catalog.queryEntities(request, credentials);
    pages.push({ items: response.items, totalItems: response.totalItems });
    const next = response.pageInfo.nextCursor;
    if (!next) {
      return pages;
    }
    request = { cursor: next, limit: first.limit, fields: first.fields };
  }
  throw new Error('more than 100 pages');
}

/*
 * The benchmarks' catalog must answer exactly as the test catalog it stands
 * in for, or the benchmarks would time different work.
 */
describe('indexedCatalog', () => {
  const fleet = generateScorecardFleet({
    components: 230,
    largeTeamComponents: 40,
    teams: 6,
    now: new Date('2026-12-03T12:00:00Z'),
  });
  // Two without a uid: the test catalog orders them last, by ref.
  const entities = fleet.entities.map((entity, index) =>
    index % 97 === 5
      ? { ...entity, metadata: { ...entity.metadata, uid: undefined } }
      : entity,
  );
  const indexed = indexedCatalog(entities);
  const reference = catalogServiceMock({ entities });

  it.each<[string, QueryRequest]>([
    [
      'groups by uid, with fields',
      {
        filter: { kind: 'group' },
        orderFields: { field: 'metadata.uid', order: 'asc' },
        fields: ['kind', 'metadata.name', 'spec.parent', 'relations'],
        limit: 25,
      },
    ],
    [
      'components and systems by uid, in pages',
      {
        filter: { kind: ['Component', 'system'] },
        orderFields: { field: 'metadata.uid', order: 'asc' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.etag',
        ],
        limit: 50,
      },
    ],
    ['components in catalog order, unpaged', { filter: { kind: 'component' } }],
    [
      'a filter the index does not answer',
      { filter: { 'spec.type': 'service' }, limit: 40 },
    ],
  ])('lists %s as the test catalog does', async (_name, request) => {
    const expected = await allPages(reference, request);
    expect(expected.flatMap(p => p.items).length).toBeGreaterThan(0);
    expect(await allPages(indexed, request)).toEqual(expected);
  });

  it('reads by ref as the test catalog does, missing refs included', async () => {
    const entityRefs = [
      'component:default/svc-00007',
      'group:default/team-large',
      'component:default/no-such-thing',
    ];
    const expected = await reference.getEntitiesByRefs(
      { entityRefs, fields: ['metadata.name', 'spec.owner'] },
      credentials,
    );
    expect(expected.items.filter(Boolean)).toHaveLength(2);
    expect(
      await indexed.getEntitiesByRefs(
        { entityRefs, fields: ['metadata.name', 'spec.owner'] },
        credentials,
      ),
    ).toEqual(expected);
  });
});
