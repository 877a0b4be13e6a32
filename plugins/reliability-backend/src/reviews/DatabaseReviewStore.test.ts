import { TestDatabases } from '@backstage/backend-test-utils';
import { storedReview } from '../__testUtils__/reviewFixtures';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import type { NewReviewEvent } from './reviewTypes';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const created: NewReviewEvent = {
  at: '2026-12-01T10:00:00.000Z',
  actor: 'user:default/dana',
  action: 'created',
  stateAfter: 'draft',
};

describe('DatabaseReviewStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return new DatabaseReviewStore(await migratedDatabase(knex));
  }

  it.each(databases.eachSupportedId())(
    'stores, reads and lists reviews with their events, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const review = storedReview({ targetDate: '2026-12-24' });
      expect(await store.createReview(review, created)).toEqual({
        created: true,
        review,
      });
      expect(await store.getReview(review.id)).toEqual(review);
      expect(await store.getReview('nope')).toBeUndefined();

      const other = storedReview({
        id: '00000000-0000-4000-8000-000000000002',
        entityRef: 'component:default/ledger',
        ownerRef: 'group:default/team-ledger',
        stage: 'beta',
        createdAt: '2026-12-01T11:00:00.000Z',
      });
      await store.createReview(other, created);
      expect((await store.listReviews({})).map(r => r.entityRef)).toEqual([
        'component:default/ledger',
        'component:default/checkout-api',
      ]);
      expect(
        (await store.listReviews({ stage: 'beta' })).map(r => r.id),
      ).toEqual([other.id]);
      expect(
        (
          await store.listReviews({
            ownerRefs: ['group:default/team-payments'],
          })
        ).map(r => r.id),
      ).toEqual([review.id]);
      expect((await store.listReviews({ states: ['in-review'] })).length).toBe(
        0,
      );
      expect(
        (
          await store.listReviews({
            entityRefs: ['component:default/ledger', 'component:default/x'],
          })
        ).map(r => r.id),
      ).toEqual([other.id]);
      expect(await store.listReviews({ ownerRefs: [] })).toEqual([]);
      // Heads: the columns and the digest, no body.
      const [head] = await store.listReviewHeads({ stage: 'beta' });
      expect(head).toEqual({
        ...(({ body: _body, ...columns }) => columns)(other),
        digest: {
          currentTier: 'tier-1',
          signedSectionIds: [],
          driftCount: 0,
          openedTemplate: {
            title: 'GA production readiness',
            sections: [
              { id: 'oncall', reviewerGroups: ['group:default/sre'] },
              {
                id: 'slos',
                reviewerGroups: [
                  'group:default/sre',
                  'group:default/slo-council',
                ],
              },
            ],
          },
        },
      });
      expect(await store.listEvents(review.id)).toEqual([
        {
          seq: 1,
          at: created.at,
          actor: created.actor,
          action: 'created',
          stateAfter: 'draft',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes only on the expected version and numbers events in order, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const review = storedReview();
      expect(await store.getChangeStamp()).toBe('0:0');
      await store.createReview(review, created);
      expect(await store.getChangeStamp()).toBe('1:1');
      const submitted = await store.updateReview(
        {
          ...review,
          state: 'in-review',
          updatedAt: '2026-12-02T09:00:00.000Z',
        },
        1,
        [
          {
            at: '2026-12-02T09:00:00.000Z',
            actor: 'user:default/dana',
            action: 'submitted',
            stateBefore: 'draft',
            stateAfter: 'in-review',
            details: { note: 'ready' },
          },
        ],
      );
      expect(submitted?.version).toBe(2);
      // A writer that read version 1 is refused and changes nothing.
      expect(
        await store.updateReview({ ...review, state: 'cancelled' }, 1, [
          { at: created.at, actor: 'x', action: 'cancelled' },
        ]),
      ).toBeUndefined();
      // A refused write leaves the stamp; a written one moved it.
      expect(await store.getChangeStamp()).toBe('1:2');
      const stored = await store.getReview(review.id);
      expect(stored?.state).toBe('in-review');
      expect(stored?.version).toBe(2);
      expect(stored?.updatedAt).toBe('2026-12-02T09:00:00.000Z');
      const events = await store.listEvents(review.id);
      expect(events.map(e => [e.seq, e.action, e.details])).toEqual([
        [1, 'created', undefined],
        [2, 'submitted', { note: 'ready' }],
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one open review per entity and stage, and frees the stage on cancel, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const first = storedReview();
      await store.createReview(first, created);
      const second = storedReview({
        id: '00000000-0000-4000-8000-000000000009',
      });
      const outcome = await store.createReview(second, created);
      expect(outcome).toEqual({ created: false, existing: first });
      expect(await store.getReview(second.id)).toBeUndefined();
      expect(await store.listEvents(second.id)).toEqual([]);

      // Concurrent opens: exactly one wins.
      const racers = await Promise.all(
        ['a', 'b', 'c'].map(suffix =>
          store.createReview(
            storedReview({
              id: `00000000-0000-4000-8000-00000000000${suffix}`,
              stage: 'beta',
            }),
            created,
          ),
        ),
      );
      expect(racers.filter(r => r.created)).toHaveLength(1);

      await store.updateReview({ ...first, state: 'cancelled' }, 1, []);
      expect((await store.createReview(second, created)).created).toBe(true);
    },
  );
});
