import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entity } from '../__testUtils__/readinessFixtures';
import {
  storedReview,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import { CatalogVisibility } from './CatalogVisibility';
import { ReviewBoardCache } from './ReviewBoardCache';
import { headOf } from './reviewDigest';

describe('ReviewBoardCache', () => {
  it('reuses the entries until a review changes or the day turns', async () => {
    let stamp = '1:1';
    const store = {
      getChangeStamp: jest.fn(async () => stamp),
      listReviewHeads: jest.fn(async () => [
        headOf(storedReview({ targetDate: '2026-12-10' })),
      ]),
    };
    const cache = new ReviewBoardCache(store, testReviewConfig().templates);
    const day1 = new Date('2026-12-10T10:00:00.000Z');
    const [first] = await cache.entries(day1);
    expect(first.summary.overdue).toBe(false);
    expect(first.reviewerGroups).toEqual([
      'group:default/sre',
      'group:default/slo-council',
    ]);
    await cache.entries(day1);
    expect(store.listReviewHeads).toHaveBeenCalledTimes(1);
    // The same list of refs while nothing changes, so answers about it are reused.
    expect(cache.entityRefs(await cache.entries(day1))).toBe(
      cache.entityRefs(await cache.entries(day1)),
    );
    stamp = '1:2';
    const callsBefore = store.getChangeStamp.mock.calls.length;
    await Promise.all([cache.entries(day1), cache.entries(day1)]);
    expect(store.listReviewHeads).toHaveBeenCalledTimes(2);
    // Readers arriving together share one stamp read.
    expect(store.getChangeStamp.mock.calls.length).toBe(callsBefore + 1);
    const [next] = await cache.entries(new Date('2026-12-11T00:00:01.000Z'));
    expect(store.listReviewHeads).toHaveBeenCalledTimes(3);
    expect(next.summary.overdue).toBe(true);
  });
});

describe('CatalogVisibility', () => {
  it('asks the catalog once per caller for refs it does not know, for 30 seconds', async () => {
    const catalog = catalogServiceMock({
      entities: [entity('Component', 'a'), entity('Component', 'b')],
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    let clock = 0;
    const visibility = new CatalogVisibility(catalog, () => clock);
    const dana = mockCredentials.user('user:default/dana');
    const refs = ['component:default/a', 'component:default/gone'];
    expect(await visibility.visible(refs, dana)).toEqual(
      new Set(['component:default/a']),
    );
    await visibility.visible(refs, dana);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(1);
    await visibility.visible([...refs, 'component:default/b'], dana);
    expect(getEntitiesByRefs).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRefs: ['component:default/b'] }),
      { credentials: dana },
    );
    // Another caller is asked about with their own credentials.
    const sam = mockCredentials.user('user:default/sam');
    await visibility.visible(refs, sam);
    expect(getEntitiesByRefs).toHaveBeenLastCalledWith(
      expect.objectContaining({ entityRefs: refs }),
      { credentials: sam },
    );
    clock = 30_001;
    await visibility.visible(refs, dana);
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(4);
  });

  it('hands back the same answer for each list a caller alternates between', async () => {
    const catalog = catalogServiceMock({
      entities: [entity('Component', 'a'), entity('Component', 'b')],
    });
    const getEntitiesByRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
    const visibility = new CatalogVisibility(catalog, () => 0);
    const dana = mockCredentials.user('user:default/dana');
    const entities = ['component:default/a'];
    const sloEntities = ['component:default/b', 'component:default/gone'];
    const first = await visibility.visible(entities, dana);
    const slos = await visibility.visible(sloEntities, dana);
    // The same Set, not one rebuilt from the list: readers key kept
    // answers on it.
    expect(await visibility.visible(entities, dana)).toBe(first);
    expect(await visibility.visible(sloEntities, dana)).toBe(slos);
    expect(slos).toEqual(new Set(['component:default/b']));
    expect(getEntitiesByRefs).toHaveBeenCalledTimes(2);
  });

  it('reads an entity once per caller for 30 seconds', async () => {
    const catalog = catalogServiceMock({
      entities: [entity('Group', 'team-a')],
    });
    const getEntityByRef = jest.spyOn(catalog, 'getEntityByRef');
    let clock = 0;
    const visibility = new CatalogVisibility(catalog, () => clock);
    const dana = mockCredentials.user('user:default/dana');
    const [one, two] = await Promise.all([
      visibility.entity('group:default/team-a', dana),
      visibility.entity('group:default/team-a', dana),
    ]);
    expect(one?.metadata.name).toBe('team-a');
    expect(two).toBe(one);
    expect(await visibility.entity('group:default/none', dana)).toBeUndefined();
    expect(getEntityByRef).toHaveBeenCalledTimes(2);
    clock = 30_001;
    await visibility.entity('group:default/team-a', dana);
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
  });
});
