import type { Entity } from '@backstage/catalog-model';
import { checkApplies } from '../scorecards/engine';
import {
  DeployGateReason,
  ReviewTemplate,
} from '@preflight/plugin-reliability-common';
import type { ReviewGateConfig } from './readReviewConfig';
import type { ReviewHead } from './reviewTypes';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

/**
 * Why `reliability.reviews.gate` blocks an entity's deploys: for each gated
 * stage (when the entity's tier is gated and some template offers that
 * stage for the entity), the entity needs an approved, non-drifted review.
 * Empty when nothing blocks.
 */
export function evaluateReviewGate(options: {
  entity: Entity;
  tier: string | null;
  gate: ReviewGateConfig;
  templates: ReviewTemplate[];
  /** The entity's open reviews. */
  reviews: ReviewHead[];
}): DeployGateReason[] {
  const { entity, tier, gate, templates, reviews } = options;
  if (
    gate.tiers.length > 0 &&
    !(tier && gate.tiers.some(t => lower(t) === lower(tier)))
  ) {
    return [];
  }
  const offered = new Set(
    templates
      .filter(t => checkApplies(t, entity, tier ?? undefined))
      .flatMap(t => t.stages),
  );
  const tierText = tier ? `${tier} entities` : 'these entities';
  return gate.stages
    .filter(stage => offered.has(stage))
    .flatMap((stage): DeployGateReason[] => {
      const review = reviews.find(r => r.stage === stage);
      if (!review) {
        return [
          {
            kind: 'review-missing',
            stage,
            message: `No approved readiness review for stage "${stage}": ${tierText} need one to deploy`,
          },
        ];
      }
      if (review.state === 'drifted') {
        const { firstDrift, driftCount } = review.digest;
        return [
          {
            kind: 'review-drifted',
            stage,
            reviewId: review.id,
            message: `The "${stage}" readiness review drifted: ${
              firstDrift ?? 'it no longer holds'
            }${driftCount > 1 ? ` (and ${driftCount - 1} more)` : ''}`,
          },
        ];
      }
      if (review.state !== 'approved') {
        return [
          {
            kind: 'review-not-approved',
            stage,
            reviewId: review.id,
            message: `The "${stage}" readiness review is ${review.state}, not approved yet`,
          },
        ];
      }
      return [];
    });
}
