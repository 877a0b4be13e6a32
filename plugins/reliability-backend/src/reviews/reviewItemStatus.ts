import type {
  EntityScorecard,
  ReviewItemStatus,
  ReviewTemplateItem,
  ReviewTemplateSection,
} from '@preflight/plugin-reliability-common';
import type { LiveCheckStates, ReviewBody } from './reviewTypes';

/**
 * The live state of every check of an entity's stored scorecard. A check
 * that does not concern the entity (`not-applicable`) counts as passing
 * here: a review item bound to it has nothing to fix.
 */
export function liveCheckStates(
  scorecard: EntityScorecard | undefined,
): LiveCheckStates {
  const states: LiveCheckStates = new Map();
  for (const check of scorecard?.checks ?? []) {
    states.set(check.checkId, {
      state: check.state,
      passing: check.passing || check.state === 'not-applicable',
      message: check.message,
      facts: check.facts,
      fix: check.fix,
      evaluatedAt: scorecard!.evaluatedAt,
    });
  }
  return states;
}

/** What an item amounts to now (see {@link ReviewItemStatus}). */
export function itemStatus(
  item: ReviewTemplateItem,
  body: Pick<ReviewBody, 'answers' | 'waivers'>,
  live: LiveCheckStates,
  now: Date,
): ReviewItemStatus {
  if (body.waivers[item.id]) {
    return 'waived';
  }
  if (item.kind === 'check') {
    // No stored state (never evaluated): nothing shows it passes.
    return live.get(item.checkId ?? '')?.passing ? 'passing' : 'failing';
  }
  const answer = body.answers[item.id];
  if (!answer) {
    return 'unanswered';
  }
  if (answer.expiresAt && Date.parse(answer.expiresAt) <= now.getTime()) {
    return 'expired';
  }
  return answer.value === 'no' ? 'failing' : 'passing';
}

/** Statuses an item may have for its section to be signed. */
export const SIGNABLE_STATUSES: ReadonlyArray<ReviewItemStatus> = [
  'passing',
  'waived',
];

/** `sectionId/itemId` of every item whose status is not among `accepted`. */
export function itemsNotIn(
  sections: ReviewTemplateSection[],
  body: Pick<ReviewBody, 'answers' | 'waivers'>,
  live: LiveCheckStates,
  now: Date,
  accepted: ReadonlyArray<ReviewItemStatus>,
  only?: (item: ReviewTemplateItem) => boolean,
): string[] {
  return sections.flatMap(section =>
    section.items
      .filter(item => !only || only(item))
      .filter(item => !accepted.includes(itemStatus(item, body, live, now)))
      .map(item => `${section.id}/${item.id}`),
  );
}

/**
 * What keeps a review from being submitted: attestations without a current
 * answer (unanswered or expired). Failing checks do not block submit: a
 * reviewer may waive them.
 */
export function submitBlockers(
  sections: ReviewTemplateSection[],
  body: Pick<ReviewBody, 'answers' | 'waivers'>,
  live: LiveCheckStates,
  now: Date,
): string[] {
  return itemsNotIn(
    sections,
    body,
    live,
    now,
    ['passing', 'failing', 'waived'],
    item => item.kind === 'attestation',
  );
}

/** What keeps sections from being signed: items neither passing nor waived. */
export function signoffBlockers(
  sections: ReviewTemplateSection[],
  body: Pick<ReviewBody, 'answers' | 'waivers'>,
  live: LiveCheckStates,
  now: Date,
): string[] {
  return itemsNotIn(sections, body, live, now, SIGNABLE_STATUSES);
}
