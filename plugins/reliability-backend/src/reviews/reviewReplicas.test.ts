import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { ReviewResponse } from '@preflight/plugin-reliability-common';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import {
  reviewEntities,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import {
  ReviewTestBackend,
  startReviewTestBackend,
} from '../__testUtils__/startReviewTestBackend';

jest.setTimeout(120_000);

const api = (p: string) => `/api/reliability${p}`;
const as = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);

/**
 * Two backend replicas, each with its own connection pool and stores, on
 * one PostgreSQL database, writing the same review at the same moment.
 */
describe('readiness reviews on two replicas', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  let replicas: ReviewTestBackend[];
  let second: Knex;

  beforeAll(async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    const first = await databases.init('POSTGRES_15');
    second = knexFactory({
      client: 'pg',
      connection: first.client.config.connection,
    });
    replicas = [];
    for (const knex of [first, second]) {
      replicas.push(
        await startReviewTestBackend({
          knex,
          entities: reviewEntities,
          config: testReviewConfig(),
        }),
      );
    }
    await replicas[0].scorecardStore.writeScorecards(
      [
        storedScorecard({
          entityRef: 'component:default/checkout-api',
          ownerRef: 'group:default/team-payments',
          levelId: 'gold',
          checks: { 'escalation-policy-levels': 'pass', 'slo-met': 'pass' },
        }),
      ],
      new Date(),
    );
  });

  afterAll(async () => {
    for (const replica of replicas ?? []) {
      await replica.stop();
    }
    await second?.destroy();
  });

  const on = (replica: number) => request(replicas[replica].server);

  it('opens one review per stage, loses no answer and records one sign-off once', async () => {
    if (!databases.supports('POSTGRES_15')) {
      return;
    }
    // Both replicas open the same stage at once: one wins, one gets 409.
    const opens = await Promise.all(
      [0, 1].map(r =>
        on(r)
          .post(api('/entities/component/default/checkout-api/reviews'))
          .set('Authorization', as('dana'))
          .send({ templateId: 'ga-readiness', stage: 'ga' }),
      ),
    );
    expect(opens.map(o => o.status).sort()).toEqual([201, 409]);
    const id: string = opens.find(o => o.status === 201)!.body.review.id;
    expect(opens.find(o => o.status === 409)!.body.review.id).toBe(id);

    // Two answers to two items, written at once on both replicas from the
    // same version: one is stored, the other is refused with the review
    // as it now is, and stored on retry. Neither is lost.
    const answers = {
      'escalation-tested': {
        value: 'yes',
        evidence: [{ url: 'https://wiki.example.com/drill' }],
      },
      'load-test': { value: 'yes', note: 'k6 at 2x' },
    };
    const first = await Promise.all(
      Object.entries(answers).map(([itemId, body], r) =>
        on(r)
          .put(api(`/reviews/${id}/items/${itemId}/answer`))
          .set('Authorization', as('dana'))
          .send({ version: 1, ...body }),
      ),
    );
    expect(first.map(a => a.status).sort()).toEqual([200, 409]);
    const loser = first.findIndex(a => a.status === 409);
    const [loserItem, loserBody] = Object.entries(answers)[loser];
    const current: ReviewResponse['review'] = first[loser].body.review;
    expect(current.version).toBe(2);
    const retried = await on(loser)
      .put(api(`/reviews/${id}/items/${loserItem}/answer`))
      .set('Authorization', as('dana'))
      .send({ version: current.version, ...loserBody });
    expect(retried.status).toBe(200);
    const answered: ReviewResponse = (await on(0).get(api(`/reviews/${id}`)))
      .body;
    expect(
      answered.review.sections
        .flatMap(s => s.items)
        .filter(i => i.kind === 'attestation')
        .map(i => [i.id, i.answer?.value]),
    ).toEqual([
      ['escalation-tested', 'yes'],
      ['load-test', 'yes'],
    ]);

    const submitted = await on(1)
      .post(api(`/reviews/${id}/submit`))
      .set('Authorization', as('dana'))
      .send({ version: 3 });
    expect(submitted.status).toBe(200);

    // The same reviewer double-clicks sign-off, and each click lands on a
    // different replica, several times over: one sign-off, recorded once.
    const signs = await Promise.all(
      [0, 1, 0, 1, 0, 1].map(r =>
        on(r)
          .post(api(`/reviews/${id}/sections/oncall/signoff`))
          .set('Authorization', as('sam'))
          .send({ version: 4 }),
      ),
    );
    expect(signs.filter(s => s.status === 200)).toHaveLength(1);
    expect(signs.filter(s => s.status === 409)).toHaveLength(5);
    const final: ReviewResponse = (await on(1).get(api(`/reviews/${id}`))).body;
    expect(final.review.version).toBe(5);
    expect(final.events.filter(e => e.action === 'signed')).toHaveLength(1);
    expect(final.events.map(e => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });
});
