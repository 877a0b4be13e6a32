import type {
  Review,
  ReviewItem,
  ReviewSection,
  ReviewSummary,
  ReviewTemplate,
  ReviewTemplateSection,
  SignoffEligibility,
} from '@preflight/plugin-reliability-common';
import { itemStatus, signoffBlockers } from './reviewItemStatus';
import { applicableSections, effectiveTemplate } from './reviewSections';
import { headOf } from './reviewDigest';
import type { LiveCheckStates, ReviewHead, StoredReview } from './reviewTypes';

/** The applicable sections of a review now: template in force, stage, current tier. */
export function reviewSectionsOf(
  review: StoredReview,
  templates: ReviewTemplate[],
): { sections: ReviewTemplateSection[]; warnings: string[]; title: string } {
  const { template, warnings } = effectiveTemplate(review, templates);
  return {
    sections: applicableSections(
      template,
      review.stage,
      review.body.currentTier,
    ),
    warnings,
    title: template.title,
  };
}

/**
 * The target date is the date to reach approval: a drifted review reached
 * it (drift is shown on its own), a cancelled one no longer aims at it.
 */
function isOverdue(review: ReviewHead, now: Date): boolean {
  return (
    !!review.targetDate &&
    !['approved', 'drifted', 'cancelled'].includes(review.state) &&
    review.targetDate < now.toISOString().slice(0, 10)
  );
}

/**
 * The title and sections a summary shows: the configured template's
 * applicable sections (stage, tier as last seen) or, when it was removed,
 * those of the template as opened.
 */
export function summarySections(
  review: ReviewHead,
  templates: ReviewTemplate[],
): {
  title: string;
  sections: Array<{ id: string; reviewerGroups: string[] }>;
} {
  const current = templates.find(t => t.id === review.templateId);
  if (!current) {
    return review.digest.openedTemplate;
  }
  return {
    title: current.title,
    sections: applicableSections(
      current,
      review.stage,
      review.digest.currentTier,
    ),
  };
}

/** A review as the board lists it. */
export function toReviewSummary(
  review: ReviewHead,
  templates: ReviewTemplate[],
  now: Date,
): ReviewSummary {
  const { sections, title } = summarySections(review, templates);
  const signed = new Set(review.digest.signedSectionIds);
  const unsigned = sections.filter(s => !signed.has(s.id));
  return {
    id: review.id,
    entityRef: review.entityRef,
    ...(review.entityTitle ? { entityTitle: review.entityTitle } : {}),
    ...(review.ownerRef ? { ownerRef: review.ownerRef } : {}),
    stage: review.stage,
    templateId: review.templateId,
    templateTitle: title,
    state: review.state,
    dri: review.dri,
    targetDate: review.targetDate,
    overdue: isOverdue(review, now),
    pendingReviewerGroups:
      review.state === 'cancelled'
        ? []
        : [...new Set(unsigned.flatMap(s => s.reviewerGroups))].sort(),
    sectionsSigned: sections.length - unsigned.length,
    sectionsTotal: sections.length,
    driftCount: review.digest.driftCount,
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
    version: review.version,
  };
}

/**
 * A stored review as the entity tab shows it: each applicable item with its
 * live state, snapshot, answer and waiver, each section with its sign-off
 * and the caller's eligibility, the drift causes and what blocks progress.
 */
export function toReview(options: {
  review: StoredReview;
  templates: ReviewTemplate[];
  live: LiveCheckStates;
  eligibility: (section: ReviewTemplateSection) => SignoffEligibility;
  now: Date;
}): Review {
  const { review, templates, live, eligibility, now } = options;
  const { sections, warnings } = reviewSectionsOf(review, templates);
  const { body } = review;
  const viewSections: ReviewSection[] = sections.map(section => ({
    id: section.id,
    title: section.title,
    ...(section.description ? { description: section.description } : {}),
    reviewerGroups: section.reviewerGroups,
    items: section.items.map(
      (item): ReviewItem => ({
        ...item,
        status: itemStatus(item, body, live, now),
        ...(item.kind === 'check'
          ? {
              live: live.get(item.checkId ?? '') ?? null,
              snapshot: body.snapshots[item.id] ?? null,
            }
          : { answer: body.answers[item.id] ?? null }),
        waiver: body.waivers[item.id] ?? null,
      }),
    ),
    signoff: body.signoffs[section.id]
      ? {
          by: body.signoffs[section.id].by,
          at: body.signoffs[section.id].at,
          ...(body.signoffs[section.id].comment
            ? { comment: body.signoffs[section.id].comment }
            : {}),
        }
      : null,
    eligibility: eligibility(section),
  }));
  const tierWarning =
    review.tier !== body.currentTier
      ? [
          `The entity's tier changed from ${review.tier ?? 'none'} to ${
            body.currentTier ?? 'none'
          } since the review was opened.`,
        ]
      : [];
  return {
    ...toReviewSummary(headOf(review), templates, now),
    templateVersion: review.templateVersion,
    ...(body.currentTier ? { tier: body.currentTier } : {}),
    ...(review.tier ? { tierAtOpen: review.tier } : {}),
    sections: viewSections,
    drift: body.drift,
    warnings: [...warnings, ...tierWarning],
    blockers:
      review.state === 'cancelled'
        ? []
        : signoffBlockers(sections, body, live, now),
  };
}
