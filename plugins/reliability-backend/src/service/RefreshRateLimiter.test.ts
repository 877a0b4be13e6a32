import { TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { RefreshRateLimiter } from './RefreshRateLimiter';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

const at = (seconds: number) => new Date(Date.UTC(2025, 2, 1, 10, 0, seconds));

describe('RefreshRateLimiter', () => {
  // The store tests cover PostgreSQL; the limiter's arithmetic needs one engine.
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function createLimiter() {
    const knex = await databases.init('SQLITE_3');
    const store = new DatabaseReliabilityStore(await migratedDatabase(knex));
    return new RefreshRateLimiter(store, {
      perEntityIntervalMs: 30_000,
      perUserPerMinute: 3,
    });
  }

  it('allows one refresh of an entity per interval, whoever asks', async () => {
    const limiter = await createLimiter();
    const entityRef = 'component:default/checkout-api';

    expect(
      await limiter.acquire({
        entityRef,
        actorRef: 'user:default/alice',
        now: at(0),
      }),
    ).toEqual({ allowed: true });

    const denied = await limiter.acquire({
      entityRef,
      actorRef: 'user:default/bob',
      now: at(10),
    });
    expect(denied).toEqual({
      allowed: false,
      retryAfterSeconds: 20,
      message: expect.stringContaining('can be refreshed once every 30 s'),
    });

    expect(
      await limiter.acquire({
        entityRef,
        actorRef: 'user:default/bob',
        now: at(30),
      }),
    ).toEqual({ allowed: true });
  });

  it('limits refreshes per user per minute, across entities', async () => {
    const limiter = await createLimiter();
    const actorRef = 'user:default/alice';
    for (const [i, name] of ['a', 'b', 'c'].entries()) {
      expect(
        await limiter.acquire({
          entityRef: `component:default/${name}`,
          actorRef,
          now: at(i * 10),
        }),
      ).toEqual({ allowed: true });
    }

    const denied = await limiter.acquire({
      entityRef: 'component:default/d',
      actorRef,
      now: at(25),
    });
    // The first request (at 0 s) stops counting at 60 s.
    expect(denied).toEqual({
      allowed: false,
      retryAfterSeconds: 35,
      message: expect.stringContaining('the limit is 3 per minute'),
    });

    // A denied request does not count, so the slot frees at 60 s.
    expect(
      await limiter.acquire({
        entityRef: 'component:default/d',
        actorRef,
        now: at(60),
      }),
    ).toEqual({ allowed: true });
    expect(
      await limiter.acquire({
        entityRef: 'component:default/d2',
        actorRef: 'user:default/bob',
        now: at(61),
      }),
    ).toEqual({ allowed: true });
  });
});
