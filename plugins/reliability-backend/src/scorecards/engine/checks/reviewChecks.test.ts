import { buildReadinessFacts } from '../__testUtils__/buildReadinessFacts';
import { runCheck } from '../__testUtils__/runCheck';
import type { ReviewFact } from '@preflight/plugin-reliability-node';
import { readinessReviewApprovedCheck as check } from './reviewChecks';

const review = (overrides: Partial<ReviewFact>): ReviewFact => ({
  id: 'r1',
  stage: 'ga',
  templateId: 'ga-readiness',
  state: 'approved',
  driftCount: 0,
  updatedAt: '2026-11-23T11:55:00.000Z',
  ...overrides,
});

const withReviews = (reviews: ReviewFact[], offeredStages = ['beta', 'ga']) => {
  const facts = buildReadinessFacts();
  return { ...facts, reviews: { offeredStages, reviews } };
};

describe('readiness-review-approved', () => {
  it('passes with an approved review of the stage (ga by default)', async () => {
    const result = await runCheck(check, withReviews([review({})]));
    expect(result).toMatchObject({
      state: 'pass',
      message: 'The "ga" readiness review is approved',
      facts: [{ label: 'Review (ga)', value: 'approved', sourceId: 'reviews' }],
    });
  });

  it('fails without one, while not approved, and when drifted', async () => {
    expect(
      (await runCheck(check, withReviews([review({ stage: 'beta' })]))).message,
    ).toBe('No readiness review for stage "ga" is open or approved');
    const inReview = await runCheck(
      check,
      withReviews([review({ state: 'in-review' })]),
    );
    expect([inReview.state, inReview.message]).toEqual([
      'fail',
      'The "ga" readiness review is in-review, not approved yet',
    ]);
    const drifted = await runCheck(
      check,
      withReviews([review({ state: 'drifted', driftCount: 2 })]),
    );
    expect([drifted.state, drifted.message]).toEqual([
      'fail',
      'The "ga" readiness review drifted (2 causes)',
    ]);
  });

  it('checks the configured stage', async () => {
    const result = await runCheck(check, withReviews([review({})]), {
      params: { stage: 'beta' },
    });
    expect(result.message).toBe(
      'No readiness review for stage "beta" is open or approved',
    );
  });

  it('is not applicable when no template offers the stage, or reviews are not configured', async () => {
    expect((await runCheck(check, withReviews([], ['beta']))).state).toBe(
      'not-applicable',
    );
    const { reviews: _reviews, ...facts } = buildReadinessFacts();
    const result = await runCheck(check, facts);
    expect([result.state, result.message]).toEqual([
      'not-applicable',
      'No readiness review template offers stage "ga" for this entity',
    ]);
  });
});
