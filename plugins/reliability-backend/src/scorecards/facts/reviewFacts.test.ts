import type { ReviewTemplate } from '@preflight/plugin-reliability-common';
import { entity } from '../../__testUtils__/readinessFixtures';
import type { ReadinessFactSources } from './ReadinessFactSources';
import { readOpenReviews, reviewFactsOf } from './reviewFacts';

function template(
  id: string,
  stages: string[],
  appliesTo: ReviewTemplate['appliesTo'],
): ReviewTemplate {
  return { id, title: id, appliesTo, stages, sections: [], version: 'v1' };
}

const listReviewHeads = jest.fn(async () => []);

function sourcesWith(templates: ReviewTemplate[]): ReadinessFactSources {
  return {
    reviews: { store: { listReviewHeads }, templates },
  } as unknown as ReadinessFactSources;
}

const service = entity('Component', 'checkout-api', {
  spec: { type: 'service', lifecycle: 'production' },
});
const openReview = {
  id: 'r1',
  stage: 'ga',
  templateId: 'ga',
  state: 'drifted' as const,
  driftCount: 1,
  updatedAt: '2026-11-22T00:00:00.000Z',
};

describe('reviewFactsOf', () => {
  const sources = sourcesWith([
    template('ga', ['beta', 'ga'], { kinds: ['component'] }),
    template('tier-1', ['ga', 'launch'], { tiers: ['tier-1'] }),
    template('websites', ['beta'], { types: ['website'] }),
  ]);

  it('offers each stage once, of the templates that apply to the entity and its tier', () => {
    expect(reviewFactsOf(sources, service, 'tier-1', [openReview])).toEqual({
      offeredStages: ['beta', 'ga', 'launch'],
      reviews: [openReview],
    });
    expect(reviewFactsOf(sources, service, undefined, undefined)).toEqual({
      offeredStages: ['beta', 'ga'],
      reviews: [],
    });
  });

  it('gives no fact, and reads nothing, when no template is configured', async () => {
    listReviewHeads.mockClear();
    const none = sourcesWith([]);
    expect(
      reviewFactsOf(none, service, 'tier-1', [openReview]),
    ).toBeUndefined();
    expect(
      await readOpenReviews(none, ['component:default/checkout-api']),
    ).toEqual(new Map());
    expect(
      reviewFactsOf({} as ReadinessFactSources, service, 'tier-1', undefined),
    ).toBeUndefined();
    expect(listReviewHeads).not.toHaveBeenCalled();
  });
});
