import { applicableSections } from './reviewSections';
import type { ReviewDigest, ReviewHead, StoredReview } from './reviewTypes';

/** The digest of a review, as stored next to it on every write. */
export function digestOf(review: StoredReview): ReviewDigest {
  const { body } = review;
  return {
    currentTier: body.currentTier,
    signedSectionIds: Object.keys(body.signoffs).sort(),
    driftCount: body.drift.length,
    ...(body.drift[0] ? { firstDrift: body.drift[0].message } : {}),
    openedTemplate: {
      title: body.template.title,
      sections: applicableSections(
        body.template,
        review.stage,
        body.currentTier,
      ).map(s => ({ id: s.id, reviewerGroups: s.reviewerGroups })),
    },
  };
}

/** A full review as a head (what the list routes work on). */
export function headOf(review: StoredReview): ReviewHead {
  const { body: _body, ...columns } = review;
  return { ...columns, digest: digestOf(review) };
}
