import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  scorecardAncestry,
  scorecardFleet,
  scorecardGroups,
  storedScorecard,
  testRubric,
} from '../__testUtils__/scorecardFixtures';
import {
  ScorecardTestBackend,
  startScorecardTestBackend,
} from '../__testUtils__/startScorecardTestBackend';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import { RefreshRateLimiter } from '../service/RefreshRateLimiter';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(120_000);

const team =
  '/api/reliability/groups/default/team-fraud/scorecards?sort=entity';

/**
 * Two backend replicas, each with its own connection pool, stores and
 * in-memory caches, on one PostgreSQL database.
 */
describe('scorecard reads on two replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  let replicas: ScorecardTestBackend[];
  let knexes: Knex[];

  beforeAll(async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    const first = await databases.init('POSTGRES_15');
    knexes = [
      first,
      knexFactory({ client: 'pg', connection: first.client.config.connection }),
    ];
    replicas = [];
    for (const knex of knexes) {
      replicas.push(
        await startScorecardTestBackend({
          knex,
          entities: [],
          rubric: testRubric,
        }),
      );
    }
    await replicas[0].store.replaceGroupAncestry(scorecardAncestry);
    await replicas[0].store.writeScorecards(scorecardFleet(), new Date());
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) {
      await replica.stop();
    }
    await knexes?.[1]?.destroy();
  });

  const on = (replica: number) => request(replicas[replica].server);

  it("follows the other replica's writes in its ETag and cache", async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    // Both replicas answer the same data under the same ETag.
    const [a, b] = await Promise.all([on(0).get(team), on(1).get(team)]);
    expect(a.status).toBe(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(
      (await on(1).get(team).set('If-None-Match', a.headers.etag)).status,
    ).toBe(304);

    // Replica 0 stores a new result; replica 1 has the old page cached.
    await replicas[0].store.writeScorecards(
      [
        storedScorecard({
          entityRef: 'component:default/fraud-detector',
          ownerRef: scorecardGroups.fraud,
          levelId: 'bronze',
          checks: { 'owner-set': 'pass', 'runbook-linked': 'pass' },
        }),
      ],
      new Date(),
    );
    const after = await on(1).get(team).set('If-None-Match', a.headers.etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(a.headers.etag);
    expect(
      after.body.rows.map((r: { levelId: string | null }) => r.levelId),
    ).toEqual(['silver', 'bronze']);
    expect(
      (await on(0).get(team).set('If-None-Match', after.headers.etag)).status,
    ).toBe(304);
  });

  it('shares refresh rate limits between replicas', async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    const limiters = await Promise.all(
      knexes.map(
        async knex =>
          new RefreshRateLimiter(
            new DatabaseReliabilityStore(await migratedDatabase(knex)),
            { perEntityIntervalMs: 60_000, perUserPerMinute: 10 },
          ),
      ),
    );
    const now = new Date();
    const ask = (replica: number) =>
      limiters[replica].acquire({
        entityRef: 'component:default/checkout-api',
        actorRef: 'user:default/dana',
        now,
      });
    expect(await ask(0)).toEqual({ allowed: true });
    expect(await ask(1)).toMatchObject({ allowed: false });
  });
});
