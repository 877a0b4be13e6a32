import type {
  ReviewTemplateSection,
  SignoffEligibility,
} from '@preflight/plugin-reliability-common';
import type { StoredReview } from './reviewTypes';

/** Who the caller is, for the sign-off rules. */
export interface SignoffCaller {
  /** User entity ref. */
  userRef: string;
  /** Groups the caller belongs to (with their parent groups), lower case. */
  groups: Set<string>;
  /** Whether the permission policy allows `reliability.review.signoff` on the entity. */
  permitted: boolean;
  /** `reliability.reviews.allowDriSignoff`. */
  allowDriSignoff: boolean;
}

/**
 * Whether the caller, as a person, may act as a reviewer of a section:
 * permitted by policy, not the DRI (unless allowed), member of one of its
 * reviewer groups. The reason names the first rule that fails.
 */
export function reviewerEligibility(
  review: Pick<StoredReview, 'dri' | 'entityRef'>,
  section: Pick<ReviewTemplateSection, 'reviewerGroups'>,
  caller: SignoffCaller,
): SignoffEligibility {
  if (!caller.permitted) {
    return {
      allowed: false,
      reason: `You are not allowed to sign off reviews of ${review.entityRef}`,
    };
  }
  if (!caller.allowDriSignoff && caller.userRef === review.dri) {
    return {
      allowed: false,
      reason:
        'You are the DRI of this review; another reviewer must sign (separation of duties)',
    };
  }
  const groups = section.reviewerGroups;
  if (!groups.some(g => caller.groups.has(g.toLocaleLowerCase('en-US')))) {
    return {
      allowed: false,
      reason: `You are not a member of ${
        groups.length === 1 ? groups[0] : `any of ${groups.join(', ')}`
      }`,
    };
  }
  return { allowed: true };
}

/**
 * Whether the caller may sign (or request changes on) a section now: the
 * review must be in review (or drifted with items the section's sign-off
 * does not cover), the section not yet signed, and the caller an eligible
 * reviewer. Blocking items are not considered here: they are in the
 * review's `blockers` and refused with 400 when signing.
 */
export function signoffEligibility(
  review: Pick<StoredReview, 'dri' | 'entityRef' | 'state' | 'body'>,
  section: ReviewTemplateSection,
  caller: SignoffCaller,
): SignoffEligibility {
  const signoff = review.body.signoffs[section.id];
  const uncovered = section.items.some(i => !signoff?.itemIds.includes(i.id));
  if (
    review.state !== 'in-review' &&
    !(review.state === 'drifted' && uncovered)
  ) {
    return {
      allowed: false,
      reason: `The review is ${review.state}; sections are signed while it is in review`,
    };
  }
  if (signoff && !uncovered) {
    return { allowed: false, reason: `Already signed by ${signoff.by}` };
  }
  return reviewerEligibility(review, section, caller);
}
