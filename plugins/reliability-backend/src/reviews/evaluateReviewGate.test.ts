import {
  gaTemplate,
  reviewEntities,
  storedReview,
} from '../__testUtils__/reviewFixtures';
import { evaluateReviewGate } from './evaluateReviewGate';
import { headOf } from './reviewDigest';

const checkout = reviewEntities[0];
const website = reviewEntities[2];
const gate = { stages: ['ga'], tiers: ['tier-1'] };

describe('evaluateReviewGate', () => {
  const evaluate = (
    options: Partial<Parameters<typeof evaluateReviewGate>[0]>,
  ) =>
    evaluateReviewGate({
      entity: checkout,
      tier: 'tier-1',
      gate,
      templates: [gaTemplate],
      reviews: [],
      ...options,
    });

  it('blocks a gated entity without a review, naming the stage', () => {
    expect(evaluate({})).toEqual([
      {
        kind: 'review-missing',
        stage: 'ga',
        message:
          'No approved readiness review for stage "ga": tier-1 entities need one to deploy',
      },
    ]);
  });

  it('blocks while the review is not approved, or drifted', () => {
    const inReview = headOf(storedReview({ state: 'in-review' }));
    expect(evaluate({ reviews: [inReview] })).toEqual([
      {
        kind: 'review-not-approved',
        stage: 'ga',
        reviewId: inReview.id,
        message: 'The "ga" readiness review is in-review, not approved yet',
      },
    ]);
    const cause = {
      kind: 'check-failing' as const,
      message: '"SLOs met" fails: budget burnt',
      since: '2026-12-01T00:00:00.000Z',
    };
    expect(
      evaluate({
        reviews: [
          headOf(
            storedReview({ state: 'drifted', body: { drift: [cause, cause] } }),
          ),
        ],
      })[0].message,
    ).toBe(
      'The "ga" readiness review drifted: "SLOs met" fails: budget burnt (and 1 more)',
    );
  });

  it('lets approved reviews, other tiers and entities no template offers the stage to through', () => {
    expect(
      evaluate({ reviews: [headOf(storedReview({ state: 'approved' }))] }),
    ).toEqual([]);
    expect(evaluate({ tier: 'tier-2' })).toEqual([]);
    expect(evaluate({ tier: null })).toEqual([]);
    expect(evaluate({ entity: website })).toEqual([]);
    // A review of another stage does not count.
    expect(
      evaluate({
        reviews: [headOf(storedReview({ stage: 'beta', state: 'approved' }))],
      }),
    ).toHaveLength(1);
    // Without tiers, every tier is gated.
    expect(
      evaluate({ tier: null, gate: { stages: ['ga'], tiers: [] } })[0].message,
    ).toBe(
      'No approved readiness review for stage "ga": these entities need one to deploy',
    );
  });
});
