import type {
  ReviewTemplate,
  ReviewTemplateItem,
  ReviewTemplateSection,
} from '@preflight/plugin-reliability-common';
import type { StoredReview } from './reviewTypes';

const lower = (value: string) => value.toLocaleLowerCase('en-US');

function listed(allowed: string[] | undefined, value: string | null) {
  if (!allowed || allowed.length === 0) {
    return true;
  }
  return value !== null && allowed.some(a => lower(a) === lower(value));
}

/** Whether a template item applies to a review of this stage on an entity of this tier. */
export function itemApplies(
  item: ReviewTemplateItem,
  stage: string,
  tier: string | null,
): boolean {
  return listed(item.stages, stage) && listed(item.tiers, tier);
}

/**
 * The sections of a template that apply to a stage and tier, each with only
 * its applicable items; a section left without items is dropped (there is
 * nothing for its reviewers to sign).
 */
export function applicableSections(
  template: ReviewTemplate,
  stage: string,
  tier: string | null,
): ReviewTemplateSection[] {
  return template.sections
    .map(section => ({
      ...section,
      items: section.items.filter(item => itemApplies(item, stage, tier)),
    }))
    .filter(section => section.items.length > 0);
}

/** The template a review is shown and acted on with, and why it may differ. */
export interface EffectiveTemplate {
  template: ReviewTemplate;
  warnings: string[];
}

/**
 * The template in force for a review: the configured one with the same id
 * (its current version), or, when it was removed, the copy stored when the
 * review was opened, so the review stays readable.
 */
export function effectiveTemplate(
  review: Pick<StoredReview, 'templateId' | 'templateVersion' | 'body'>,
  templates: ReviewTemplate[],
): EffectiveTemplate {
  const current = templates.find(t => t.id === review.templateId);
  if (!current) {
    return {
      template: review.body.template,
      warnings: [
        `Template "${review.templateId}" is no longer configured; the review is shown as it was opened (version ${review.templateVersion}).`,
      ],
    };
  }
  return {
    template: current,
    warnings:
      current.version === review.templateVersion
        ? []
        : [
            `Template "${review.templateId}" changed since the review was opened (version ${review.templateVersion}, now ${current.version}).`,
          ],
  };
}

/** The section holding an item, and the item. */
export function findItem(
  sections: ReviewTemplateSection[],
  itemId: string,
): { section: ReviewTemplateSection; item: ReviewTemplateItem } | undefined {
  for (const section of sections) {
    const item = section.items.find(i => i.id === itemId);
    if (item) {
      return { section, item };
    }
  }
  return undefined;
}
