import type { CheckFactValue } from '@preflight/plugin-reliability-common';
import type { ScorecardCheck } from '@preflight/plugin-reliability-node';
import { METADATA_KINDS, outcome } from './checkSupport';

/** Where review facts come from (the plugin's own review store). */
const REVIEWS_SOURCE = 'reviews';

/**
 * The entity holds an approved, non-drifted readiness review for a stage
 * (param `stage`, default `ga`). Not applicable when no review template
 * offers that stage for the entity.
 */
export const readinessReviewApprovedCheck: ScorecardCheck = {
  id: 'readiness-review-approved',
  defaults: {
    title: 'Readiness review approved',
    category: 'reviews',
    description:
      'The entity has an approved readiness review for the stage, every section signed off and nothing drifted since.',
    fix: {
      text: 'Open a readiness review for the stage on the entity\'s "Readiness review" tab, answer it, submit it and have each section signed; fix whatever made an approved review drift.',
      url: 'https://sre.google/sre-book/evolving-sre-engagement-model/',
    },
    appliesTo: { kinds: METADATA_KINDS },
    params: { stage: 'ga' },
  },
  evaluate({ facts, params }) {
    const stage = String(params.stage);
    if (!facts.reviews || !facts.reviews.offeredStages.includes(stage)) {
      return outcome(
        'not-applicable',
        `No readiness review template offers stage "${stage}" for this entity`,
        [],
      );
    }
    const review = facts.reviews.reviews.find(r => r.stage === stage);
    const fact = (value: CheckFactValue['value']): CheckFactValue[] => [
      {
        label: `Review (${stage})`,
        value,
        sourceId: REVIEWS_SOURCE,
        asOf: review?.updatedAt ?? null,
        stale: false,
      },
    ];
    if (!review) {
      return outcome(
        'fail',
        `No readiness review for stage "${stage}" is open or approved`,
        fact(null),
      );
    }
    if (review.state === 'approved') {
      return outcome(
        'pass',
        `The "${stage}" readiness review is approved`,
        fact('approved'),
      );
    }
    if (review.state === 'drifted') {
      return outcome(
        'fail',
        `The "${stage}" readiness review drifted (${review.driftCount} cause${
          review.driftCount === 1 ? '' : 's'
        })`,
        fact('drifted'),
      );
    }
    return outcome(
      'fail',
      `The "${stage}" readiness review is ${review.state}, not approved yet`,
      fact(review.state),
    );
  },
};

/** Readiness review checks. */
export const reviewChecks = [readinessReviewApprovedCheck];
