import { VersionedCache } from './VersionedCache';

describe('VersionedCache', () => {
  it('serves an entry until the data version moves on, then recomputes', async () => {
    const cache = new VersionedCache<string>();
    let computed = 0;
    const compute = async () => `answer ${++computed}`;
    expect(await cache.get(1, 'team-a', compute)).toBe('answer 1');
    expect(await cache.get(1, 'team-a', compute)).toBe('answer 1');
    expect(await cache.get(2, 'team-a', compute)).toBe('answer 2');
    expect(await cache.get(2, 'team-a', compute)).toBe('answer 2');
  });

  it('shares one computation between concurrent misses and stays bounded', async () => {
    const cache = new VersionedCache<number>(2);
    let computed = 0;
    const compute = async () => ++computed;
    const [a, b] = await Promise.all([
      cache.get(1, 'k', compute),
      cache.get(1, 'k', compute),
    ]);
    expect([a, b]).toEqual([1, 1]);
    await cache.get(1, 'l', compute);
    await cache.get(1, 'm', compute);
    // 'k' was evicted as the oldest of three.
    expect(await cache.get(1, 'k', compute)).toBe(4);
  });
});
