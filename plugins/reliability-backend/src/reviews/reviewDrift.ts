import type {
  ReviewDriftCause,
  ReviewTemplateSection,
} from '@preflight/plugin-reliability-common';
import type {
  LiveCheckStates,
  NewReviewEvent,
  ReviewBody,
  StoredReview,
} from './reviewTypes';

const causeKey = (c: Pick<ReviewDriftCause, 'kind' | 'sectionId' | 'itemId'>) =>
  `${c.kind}\u0000${c.sectionId ?? ''}\u0000${c.itemId ?? ''}`;

/**
 * Why an approved review no longer holds: a bound check that stopped
 * passing, an attestation past its re-affirm date, items the review's
 * sign-offs do not cover (the template or the entity's tier now asks for
 * more). Waived items never drift. A cause seen before keeps its `since`.
 *
 * @param sections - the applicable sections of the template in force, for
 *   the review's stage and the entity's current tier
 */
export function computeDriftCauses(
  body: Pick<ReviewBody, 'answers' | 'waivers' | 'signoffs' | 'drift'>,
  sections: ReviewTemplateSection[],
  live: LiveCheckStates,
  now: Date,
): ReviewDriftCause[] {
  const previous = new Map(body.drift.map(c => [causeKey(c), c.since]));
  const at = now.toISOString();
  const causes: Array<Omit<ReviewDriftCause, 'since'>> = [];
  for (const section of sections) {
    const signoff = body.signoffs[section.id];
    if (!signoff) {
      causes.push({
        kind: 'new-items',
        sectionId: section.id,
        message: `Section "${section.title}" now applies and has not been signed`,
      });
      continue;
    }
    const covered = new Set(signoff.itemIds);
    for (const item of section.items) {
      if (body.waivers[item.id]) {
        continue;
      }
      if (!covered.has(item.id)) {
        causes.push({
          kind: 'new-items',
          sectionId: section.id,
          itemId: item.id,
          message: `"${item.title}" was added to section "${section.title}" after it was signed`,
        });
      } else if (item.kind === 'check') {
        const state = live.get(item.checkId ?? '');
        // Without a stored result nothing is known to have changed.
        if (state && !state.passing) {
          causes.push({
            kind: 'check-failing',
            sectionId: section.id,
            itemId: item.id,
            message: `"${item.title}" ${
              state.state === 'error' ? 'cannot be evaluated' : 'fails'
            }: ${state.message}`,
          });
        }
      } else {
        const answer = body.answers[item.id];
        if (
          answer?.expiresAt &&
          Date.parse(answer.expiresAt) <= now.getTime()
        ) {
          causes.push({
            kind: 'attestation-expired',
            sectionId: section.id,
            itemId: item.id,
            message: `The answer to "${
              item.title
            }" expired on ${answer.expiresAt.slice(
              0,
              10,
            )} and must be re-affirmed`,
          });
        }
      }
    }
  }
  return causes.map(c => ({ ...c, since: previous.get(causeKey(c)) ?? at }));
}

/** Whether two cause lists name the same causes (order and `since` aside). */
export function sameCauses(a: ReviewDriftCause[], b: ReviewDriftCause[]) {
  const keys = (list: ReviewDriftCause[]) =>
    list
      .map(c => `${causeKey(c)}\u0000${c.message}`)
      .sort()
      .join('\u0001');
  return keys(a) === keys(b);
}

/**
 * Applies drift causes to an approved or drifted review: `approved` with
 * causes becomes `drifted`, `drifted` without causes is `approved` again,
 * and a drifted review whose causes changed records the new list. Reviews in
 * other states are returned as they are (drift only concerns approval).
 * Returns the events to append (none when nothing changed).
 */
export function settleDrift(
  review: StoredReview,
  causes: ReviewDriftCause[],
  actor: string,
  now: Date,
): { review: StoredReview; events: NewReviewEvent[] } {
  if (review.state !== 'approved' && review.state !== 'drifted') {
    return { review, events: [] };
  }
  const at = now.toISOString();
  const next = (state: StoredReview['state']): StoredReview => ({
    ...review,
    state,
    body: { ...review.body, drift: causes },
  });
  if (review.state === 'approved' && causes.length > 0) {
    return {
      review: next('drifted'),
      events: [
        {
          at,
          actor,
          action: 'drifted',
          stateBefore: 'approved',
          stateAfter: 'drifted',
          details: { causes },
        },
      ],
    };
  }
  if (review.state === 'drifted' && causes.length === 0) {
    return {
      review: next('approved'),
      events: [
        {
          at,
          actor,
          action: 'drift-resolved',
          stateBefore: 'drifted',
          stateAfter: 'approved',
          details: { resolved: review.body.drift },
        },
      ],
    };
  }
  if (review.state === 'drifted' && !sameCauses(review.body.drift, causes)) {
    return {
      review: next('drifted'),
      events: [{ at, actor, action: 'drift-changed', details: { causes } }],
    };
  }
  return { review, events: [] };
}
