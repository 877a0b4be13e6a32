import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import type { AttestationAnswer } from '@preflight/plugin-reliability-common';
import {
  storedReview,
  testReviewConfig,
} from '../__testUtils__/reviewFixtures';
import {
  FixtureCheck,
  storedScorecard,
} from '../__testUtils__/scorecardFixtures';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import type { StoredScorecard } from '../scorecards/ScorecardStore';
import { DatabaseReviewStore } from './DatabaseReviewStore';
import { ReviewDriftDetector } from './ReviewDriftDetector';
import { ReviewNotifier } from './ReviewNotifier';
import type { StoredReview } from './reviewTypes';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(120_000);

const signedAt = '2026-12-01T12:00:00.000Z';
const now = new Date('2026-12-10T10:00:00.000Z');

const yes = (expiresAt: string | null = null): AttestationAnswer => ({
  value: 'yes',
  evidence: [{ url: 'https://wiki.example.com/evidence' }],
  answeredBy: 'user:default/dana',
  answeredAt: signedAt,
  expiresAt,
});

/** An approved tier-1 GA review of `name`, every section signed. */
function approved(name: string, index = 1): StoredReview {
  return storedReview({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    entityRef: `component:default/${name}`,
    entityTitle: name,
    state: 'approved',
    body: {
      answers: {
        'escalation-tested': yes('2027-03-01T12:00:00.000Z'),
        'load-test': yes(),
      },
      signoffs: {
        oncall: {
          by: 'user:default/sam',
          at: signedAt,
          itemIds: ['escalation', 'escalation-tested'],
        },
        slos: {
          by: 'user:default/lee',
          at: signedAt,
          itemIds: ['slos-met', 'load-test'],
        },
      },
    },
  });
}

function scorecard(
  name: string,
  checks: Record<string, FixtureCheck>,
  tier = 'tier-1',
): StoredScorecard {
  const stored = storedScorecard({
    entityRef: `component:default/${name}`,
    ownerRef: 'group:default/team-payments',
    levelId: 'silver',
    checks,
  });
  return { ...stored, row: { ...stored.row, tier } };
}

const healthy = {
  'escalation-policy-levels': 'pass',
  'slo-met': 'pass',
} as const;

describe('ReviewDriftDetector', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const db = await migratedDatabase(await databases.init(databaseId));
    const reviewStore = new DatabaseReviewStore(db);
    const scorecardStore = await DatabaseScorecardStore.create(db);
    let clock = now;
    const send = jest.fn(async (_options: NotificationSendOptions) => {});
    const notifier = new ReviewNotifier({
      notifications: { send },
      logger: mockServices.logger.mock(),
    });
    const detector = new ReviewDriftDetector({
      reviewStore,
      scorecardStore,
      templates: testReviewConfig().templates,
      logger: mockServices.logger.mock(),
      now: () => clock,
      notifier,
    });
    return {
      reviewStore,
      scorecardStore,
      detector,
      /** What the drift runs so far notified: recipients, title, scope. */
      notified: async () => {
        await notifier.idle();
        return send.mock.calls.map(([c]) => [
          c.recipients.type === 'entity' ? c.recipients.entityRef : 'all',
          c.payload.title,
          c.payload.scope,
        ]);
      },
      setNow: (at: Date) => {
        clock = at;
      },
    };
  }

  const created = {
    at: signedAt,
    actor: 'user:default/dana',
    action: 'created',
  };

  it('notifies the owner when a review drifts and when it is approved again, once each', async () => {
    const { reviewStore, scorecardStore, detector, notified } = await setup(
      'SQLITE_3',
    );
    const review = approved('checkout-api');
    await reviewStore.createReview(review, created);
    await scorecardStore.writeScorecards(
      [scorecard('checkout-api', healthy)],
      now,
    );
    await detector.run();
    expect(await notified()).toEqual([]);

    await scorecardStore.writeScorecards(
      [scorecard('checkout-api', { ...healthy, 'slo-met': 'fail' })],
      now,
    );
    await detector.run();
    // Nothing changed since: no second notification.
    await detector.run();
    await scorecardStore.writeScorecards(
      [scorecard('checkout-api', healthy)],
      now,
    );
    await detector.run();
    const scope = `readiness-review:${review.id}:drift`;
    expect(await notified()).toEqual([
      [
        ['group:default/team-payments'],
        'Readiness review drifted: checkout-api (ga)',
        scope,
      ],
      [
        ['group:default/team-payments'],
        'Readiness review approved again: checkout-api (ga)',
        scope,
      ],
    ]);
  });

  it.each(databases.eachSupportedId())(
    'drifts an approved review when a bound check fails, and approves it again when it passes, on %p',
    async databaseId => {
      const { reviewStore, scorecardStore, detector } = await setup(databaseId);
      const review = approved('checkout-api');
      await reviewStore.createReview(review, created);
      await scorecardStore.writeScorecards(
        [scorecard('checkout-api', { ...healthy, 'slo-met': 'fail' })],
        now,
      );

      expect(await detector.run()).toMatchObject({ checked: 1, written: 1 });
      const drifted = await reviewStore.getReview(review.id);
      expect(drifted?.state).toBe('drifted');
      expect(drifted?.body.drift).toEqual([
        {
          kind: 'check-failing',
          sectionId: 'slos',
          itemId: 'slos-met',
          message: '"SLOs met" fails: slo-met is fail',
          since: now.toISOString(),
        },
      ]);
      const events = await reviewStore.listEvents(review.id);
      expect(events.at(-1)).toMatchObject({
        seq: 2,
        actor: 'system',
        action: 'drifted',
        stateBefore: 'approved',
        stateAfter: 'drifted',
      });

      // Nothing changed: nothing written.
      expect(await detector.run()).toMatchObject({ checked: 1, written: 0 });

      await scorecardStore.writeScorecards(
        [scorecard('checkout-api', healthy)],
        now,
      );
      await detector.run();
      const back = await reviewStore.getReview(review.id);
      expect(back?.state).toBe('approved');
      expect(back?.body.drift).toEqual([]);
      expect((await reviewStore.listEvents(review.id)).at(-1)).toMatchObject({
        seq: 3,
        actor: 'system',
        action: 'drift-resolved',
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'names expired attestations and items a tier change added, on %p',
    async databaseId => {
      const { reviewStore, scorecardStore, detector, setNow } = await setup(
        databaseId,
      );
      // Approved as tier-2: no escalation-tested item.
      const tier2 = storedReview({
        ...approved('ledger'),
        tier: 'tier-2',
        body: {
          ...approved('ledger').body,
          currentTier: 'tier-2',
          answers: { 'load-test': yes() },
          signoffs: {
            oncall: {
              by: 'user:default/sam',
              at: signedAt,
              itemIds: ['escalation'],
            },
            slos: approved('ledger').body.signoffs.slos,
          },
        },
      });
      const expiring = approved('checkout-api', 2);
      await reviewStore.createReview(tier2, created);
      await reviewStore.createReview(expiring, created);
      await scorecardStore.writeScorecards(
        [
          scorecard('ledger', healthy, 'tier-1'),
          scorecard('checkout-api', healthy),
        ],
        now,
      );
      setNow(new Date('2027-03-02T00:00:00.000Z'));
      await detector.run();

      const ledger = await reviewStore.getReview(tier2.id);
      expect(ledger?.state).toBe('drifted');
      expect(ledger?.body.currentTier).toBe('tier-1');
      expect(ledger?.body.drift.map(c => [c.kind, c.itemId])).toEqual([
        ['new-items', 'escalation-tested'],
      ]);
      expect(
        (await reviewStore.listEvents(tier2.id)).slice(1).map(e => e.action),
      ).toEqual(['tier-changed', 'drifted']);

      const checkout = await reviewStore.getReview(expiring.id);
      expect(checkout?.body.drift.map(c => [c.kind, c.itemId])).toEqual([
        ['attestation-expired', 'escalation-tested'],
      ]);
    },
  );

  // Speed is measured by test/bench/reviews.bench.ts, not asserted here: a
  // shared CI machine is too noisy for a timed test.
  it('checks 2,000 approved reviews in one bulk run, and drifts them all in the next', async () => {
    const { reviewStore, scorecardStore, detector, notified } = await setup(
      'SQLITE_3',
    );
    const names = Array.from({ length: 2000 }, (_, i) => `service-${i}`);
    for (const [i, name] of names.entries()) {
      await reviewStore.createReview(approved(name, i + 1), created);
    }
    await scorecardStore.writeScorecards(
      names.map(name => scorecard(name, healthy)),
      now,
    );
    const steady = await detector.run();
    expect(steady).toMatchObject({ checked: 2000, written: 0 });

    // A check failing fleet-wide drifts every review in one run.
    await scorecardStore.writeScorecards(
      names.map(name => scorecard(name, { ...healthy, 'slo-met': 'fail' })),
      now,
    );
    const drifting = await detector.run();
    expect(drifting).toMatchObject({ checked: 2000, written: 2000 });
    expect(
      (await reviewStore.listReviews({ states: ['drifted'] })).length,
    ).toBe(2000);
    // Owners are notified in the background, at most 1,000 waiting at once:
    // the rest are dropped (and logged) rather than queued without bound.
    expect((await notified()).length).toBe(1000);
  });
});
