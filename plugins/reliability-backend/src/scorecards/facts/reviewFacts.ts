import type { Entity } from '@backstage/catalog-model';
import { OPEN_REVIEW_STATES } from '@preflight/plugin-reliability-common';
import type {
  ReviewFact,
  ReviewFacts,
} from '@preflight/plugin-reliability-node';
import type { ReviewStore } from '../../reviews/ReviewStore';
import { checkApplies } from '../engine';
import type { ReadinessFactSources } from './ReadinessFactSources';

/** Whether reviews are configured: without templates, entities get no `reviews` fact. */
export function reviewsEnabled(sources: ReadinessFactSources): boolean {
  return !!sources.reviews && sources.reviews.templates.length > 0;
}

function reviewFactsByEntity(
  openReviews: Awaited<ReturnType<ReviewStore['listReviewHeads']>>,
): Map<string, ReviewFact[]> {
  const reviewsByEntity = new Map<string, ReviewFact[]>();
  for (const review of openReviews) {
    const list = reviewsByEntity.get(review.entityRef) ?? [];
    list.push({
      id: review.id,
      stage: review.stage,
      templateId: review.templateId,
      state: review.state,
      driftCount: review.digest.driftCount,
      updatedAt: review.updatedAt,
    });
    reviewsByEntity.set(review.entityRef, list);
  }
  return reviewsByEntity;
}

/**
 * Reads the open reviews of these entities (all entities: undefined) in
 * one query, by entity ref; none when reviews are not configured.
 */
export async function readOpenReviews(
  sources: ReadinessFactSources,
  entityRefs?: string[],
): Promise<Map<string, ReviewFact[]>> {
  if (!reviewsEnabled(sources)) {
    return new Map();
  }
  return reviewFactsByEntity(
    await sources.reviews!.store.listReviewHeads({
      ...(entityRefs ? { entityRefs } : {}),
      states: [...OPEN_REVIEW_STATES],
    }),
  );
}

/**
 * The `reviews` fact of one entity: the stages its templates offer it (by
 * tier) and its open reviews. Undefined when reviews are not configured.
 */
export function reviewFactsOf(
  sources: ReadinessFactSources,
  entity: Entity,
  tier: string | undefined,
  openReviews: ReviewFact[] | undefined,
): ReviewFacts | undefined {
  if (!reviewsEnabled(sources)) {
    return undefined;
  }
  return {
    offeredStages: [
      ...new Set(
        sources
          .reviews!.templates.filter(t => checkApplies(t, entity, tier))
          .flatMap(t => t.stages),
      ),
    ],
    reviews: openReviews ?? [],
  };
}
