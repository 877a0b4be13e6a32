import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { sloComponent } from '../__testUtils__/sloFixtures';
import { listSloEntities } from './listSloEntities';

describe('listSloEntities', () => {
  it('lists only annotated entities, page by page, in one query', async () => {
    const entities = [
      ...['a', 'b', 'c'].map(name =>
        sloComponent(name, '/c', { 'preflight.dev/openslo': 'slos.yaml' }),
      ),
      sloComponent('plain', '/c', {}),
    ];
    const catalog = catalogServiceMock({ entities });
    const query = jest.spyOn(catalog, 'queryEntities');
    const listed = await listSloEntities({
      catalog,
      auth: mockServices.auth(),
      signal: new AbortController().signal,
      pageSize: 2,
    });
    expect(listed.map(e => e.metadata.name).sort()).toEqual(['a', 'b', 'c']);
    // One query, followed through its cursor.
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[1][0]).toEqual({
      cursor: expect.any(String),
      limit: 2,
    });
  });
});
