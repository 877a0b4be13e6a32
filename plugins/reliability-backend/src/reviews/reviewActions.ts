import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  AttestationAnswer,
  EvidenceLink,
  ReviewState,
  ReviewTemplateSection,
} from '@preflight/plugin-reliability-common';
import { computeDriftCauses, settleDrift } from './reviewDrift';
import {
  itemStatus,
  signoffBlockers,
  submitBlockers,
} from './reviewItemStatus';
import { findItem } from './reviewSections';
import type {
  LiveCheckStates,
  NewReviewEvent,
  ReviewSnapshot,
  StoredReview,
} from './reviewTypes';

/** What every review action needs besides its own input. */
export interface ReviewActionContext {
  /** Applicable sections of the template in force (stage, current tier). */
  sections: ReviewTemplateSection[];
  /** Live check states of the review's entity. */
  live: LiveCheckStates;
  /** User ref of the caller. */
  actor: string;
  now: Date;
}

/** The review after an action and the events it appends. */
export interface ReviewActionResult {
  review: StoredReview;
  events: NewReviewEvent[];
}

const ANSWERABLE: ReadonlyArray<ReviewState> = [
  'draft',
  'changes-requested',
  'in-review',
  'approved',
  'drifted',
];

function requireState(
  review: StoredReview,
  allowed: ReadonlyArray<ReviewState>,
  what: string,
): void {
  if (!allowed.includes(review.state)) {
    throw new ConflictError(
      `Cannot ${what}: review ${review.id} is ${
        review.state
      } (possible in ${allowed.join(', ')})`,
    );
  }
}

function requireSection(
  context: ReviewActionContext,
  sectionId: string,
): ReviewTemplateSection {
  const section = context.sections.find(s => s.id === sectionId);
  if (!section) {
    throw new NotFoundError(
      `No section "${sectionId}" in this review (sections: ${context.sections
        .map(s => s.id)
        .join(', ')})`,
    );
  }
  return section;
}

function requireItem(context: ReviewActionContext, itemId: string) {
  const found = findItem(context.sections, itemId);
  if (!found) {
    throw new NotFoundError(`No item "${itemId}" in this review`);
  }
  return found;
}

const allSigned = (review: StoredReview, context: ReviewActionContext) =>
  context.sections.every(s => {
    const signoff = review.body.signoffs[s.id];
    return signoff && s.items.every(i => signoff.itemIds.includes(i.id));
  });

function snapshotsOf(
  sections: ReviewTemplateSection[],
  live: LiveCheckStates,
  capturedAt: string,
  reason: ReviewSnapshot['reason'],
): Record<string, ReviewSnapshot> {
  const snapshots: Record<string, ReviewSnapshot> = {};
  for (const item of sections.flatMap(s => s.items)) {
    const state = item.kind === 'check' ? live.get(item.checkId ?? '') : null;
    if (state) {
      snapshots[item.id] = { ...state, capturedAt, reason };
    }
  }
  return snapshots;
}

/** Same review, new state; drift only lives in approved and drifted reviews. */
function withState(review: StoredReview, state: ReviewState): StoredReview {
  const keepsDrift = state === 'approved' || state === 'drifted';
  return {
    ...review,
    state,
    body: { ...review.body, drift: keepsDrift ? review.body.drift : [] },
  };
}

/** Voids a section's sign-off after its content changed. */
function voidSignoff(
  result: ReviewActionResult,
  section: ReviewTemplateSection,
  context: ReviewActionContext,
): ReviewActionResult {
  const { review } = result;
  if (!review.body.signoffs[section.id]) {
    return result;
  }
  const signoffs = { ...review.body.signoffs };
  const voided = signoffs[section.id];
  delete signoffs[section.id];
  const reopened =
    review.state === 'approved' || review.state === 'drifted'
      ? 'in-review'
      : review.state;
  return {
    review: withState(
      { ...review, body: { ...review.body, signoffs } },
      reopened,
    ),
    events: [
      ...result.events,
      {
        at: context.now.toISOString(),
        actor: context.actor,
        action: 'signoff-voided',
        sectionId: section.id,
        ...(reopened !== review.state
          ? { stateBefore: review.state, stateAfter: reopened }
          : {}),
        details: { signedBy: voided.by, signedAt: voided.at },
      },
    ],
  };
}

/** Re-evaluates drift of an approved or drifted review right after an action. */
function withDrift(
  result: ReviewActionResult,
  context: ReviewActionContext,
): ReviewActionResult {
  const causes = computeDriftCauses(
    result.review.body,
    context.sections,
    context.live,
    context.now,
  );
  const settled = settleDrift(
    result.review,
    causes,
    context.actor,
    context.now,
  );
  return {
    review: settled.review,
    events: [...result.events, ...settled.events],
  };
}

/** The validated content of an answer. */
export interface AnswerInput {
  value: AttestationAnswer['value'];
  reason?: string;
  evidence: EvidenceLink[];
  note?: string;
}

/**
 * Answers (or changes the answer to) an attestation. A changed answer drops
 * the item's waiver and voids its section's sign-off; in an approved or
 * drifted review that sends the review back to `in-review`.
 */
export function answerItem(
  review: StoredReview,
  itemId: string,
  input: AnswerInput,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ANSWERABLE, 'answer items');
  const { section, item } = requireItem(context, itemId);
  if (item.kind !== 'attestation') {
    throw new InputError(
      `itemId: "${itemId}" is bound to check "${item.checkId}"; its state comes from the scorecard and cannot be answered`,
    );
  }
  if (input.value !== 'yes' && !input.reason?.trim()) {
    throw new InputError(
      `reason: an answer "${input.value}" to "${itemId}" needs a reason`,
    );
  }
  const evidence = item.evidence ?? 'optional';
  if (evidence === 'none' && input.evidence.length > 0) {
    throw new InputError(`evidence: "${itemId}" takes no evidence links`);
  }
  if (
    evidence === 'required' &&
    input.value === 'yes' &&
    input.evidence.length === 0
  ) {
    throw new InputError(
      `evidence: "${itemId}" requires at least one evidence link for a yes`,
    );
  }
  const at = context.now.toISOString();
  const expiresAt =
    input.value === 'yes' && item.reaffirmEveryDays
      ? new Date(
          context.now.getTime() + item.reaffirmEveryDays * 86_400_000,
        ).toISOString()
      : null;
  const answer: AttestationAnswer = {
    value: input.value,
    ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
    evidence: input.evidence,
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    answeredBy: context.actor,
    answeredAt: at,
    expiresAt,
  };
  const waivers = { ...review.body.waivers };
  delete waivers[itemId];
  const answered: ReviewActionResult = {
    review: {
      ...review,
      body: {
        ...review.body,
        answers: { ...review.body.answers, [itemId]: answer },
        waivers,
      },
    },
    events: [
      {
        at,
        actor: context.actor,
        action: 'answered',
        sectionId: section.id,
        itemId,
        details: {
          value: answer.value,
          ...(answer.reason ? { reason: answer.reason } : {}),
          evidence: answer.evidence,
          ...(answer.note ? { note: answer.note } : {}),
          ...(review.body.answers[itemId]
            ? { previousValue: review.body.answers[itemId].value }
            : {}),
        },
      },
    ],
  };
  return withDrift(voidSignoff(answered, section, context), context);
}

/**
 * Re-affirms an attestation's current answer: same answer, new date and
 * expiry. The answer did not change, so sign-offs stand; a drifted review
 * whose only cause was this expiry is approved again.
 */
export function reaffirmItem(
  review: StoredReview,
  itemId: string,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ANSWERABLE, 're-affirm items');
  const { section, item } = requireItem(context, itemId);
  const answer = review.body.answers[itemId];
  if (item.kind !== 'attestation' || !answer) {
    throw new InputError(
      `itemId: "${itemId}" has no answer to re-affirm; answer it instead`,
    );
  }
  const at = context.now.toISOString();
  const expiresAt =
    answer.value === 'yes' && item.reaffirmEveryDays
      ? new Date(
          context.now.getTime() + item.reaffirmEveryDays * 86_400_000,
        ).toISOString()
      : null;
  return withDrift(
    {
      review: {
        ...review,
        body: {
          ...review.body,
          answers: {
            ...review.body.answers,
            [itemId]: {
              ...answer,
              answeredBy: context.actor,
              answeredAt: at,
              expiresAt,
            },
          },
        },
      },
      events: [
        {
          at,
          actor: context.actor,
          action: 'reaffirmed',
          sectionId: section.id,
          itemId,
          details: {
            value: answer.value,
            previousExpiresAt: answer.expiresAt,
            expiresAt,
          },
        },
      ],
    },
    context,
  );
}

/**
 * Waives an item that is not passing, with the reviewer's reason (the
 * caller's membership is checked by the route). Possible while in review and
 * on a drifted review (waiving a drift cause resolves it).
 */
export function waiveItem(
  review: StoredReview,
  itemId: string,
  reason: string,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ['in-review', 'drifted'], 'waive items');
  const { section, item } = requireItem(context, itemId);
  const status = itemStatus(item, review.body, context.live, context.now);
  if (status === 'passing' || status === 'waived') {
    throw new InputError(
      `itemId: "${itemId}" is ${status}; only items not passing can be waived`,
    );
  }
  const at = context.now.toISOString();
  return withDrift(
    {
      review: {
        ...review,
        body: {
          ...review.body,
          waivers: {
            ...review.body.waivers,
            [itemId]: { reason: reason.trim(), by: context.actor, at },
          },
        },
      },
      events: [
        {
          at,
          actor: context.actor,
          action: 'waived',
          sectionId: section.id,
          itemId,
          details: { reason: reason.trim(), status },
        },
      ],
    },
    context,
  );
}

/**
 * Submits a draft (or a review with changes requested) for review: every
 * applicable attestation must have a current answer. Snapshots every check
 * item as the reviewers will first see it.
 */
export function submitReview(
  review: StoredReview,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ['draft', 'changes-requested'], 'submit');
  const blockers = submitBlockers(
    context.sections,
    review.body,
    context.live,
    context.now,
  );
  if (blockers.length > 0) {
    throw new InputError(
      `Cannot submit: these items need an answer first: ${blockers.join(', ')}`,
    );
  }
  const at = context.now.toISOString();
  const submitted = withState(
    {
      ...review,
      body: {
        ...review.body,
        snapshots: {
          ...review.body.snapshots,
          ...snapshotsOf(context.sections, context.live, at, 'submit'),
        },
      },
    },
    'in-review',
  );
  return approveIfSigned(
    {
      review: submitted,
      events: [
        {
          at,
          actor: context.actor,
          action: 'submitted',
          stateBefore: review.state,
          stateAfter: 'in-review',
        },
      ],
    },
    context,
  );
}

function approveIfSigned(
  result: ReviewActionResult,
  context: ReviewActionContext,
): ReviewActionResult {
  if (
    result.review.state !== 'in-review' ||
    !allSigned(result.review, context)
  ) {
    return result;
  }
  return {
    review: withState(result.review, 'approved'),
    events: [
      ...result.events,
      {
        at: context.now.toISOString(),
        actor: context.actor,
        action: 'approved',
        stateBefore: 'in-review',
        stateAfter: 'approved',
      },
    ],
  };
}

/**
 * Signs a section (the caller's eligibility is checked by the route): every
 * item must pass, be answered or be waived. Snapshots the section's check
 * items. The last section signed approves the review. A drifted review's
 * section that gained items may be signed again to cover them.
 */
export function signSection(
  review: StoredReview,
  sectionId: string,
  comment: string | undefined,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ['in-review', 'drifted'], 'sign off');
  const section = requireSection(context, sectionId);
  const existing = review.body.signoffs[section.id];
  const uncovered = section.items.some(i => !existing?.itemIds.includes(i.id));
  if (existing && !uncovered) {
    throw new ConflictError(
      `Section "${sectionId}" is already signed by ${existing.by}`,
    );
  }
  if (review.state === 'drifted' && !uncovered) {
    throw new ConflictError(
      `Section "${sectionId}" has nothing new to sign; fix the drift causes instead`,
    );
  }
  const blockers = signoffBlockers(
    [section],
    review.body,
    context.live,
    context.now,
  );
  if (blockers.length > 0) {
    throw new InputError(
      `Cannot sign section "${sectionId}": these items are neither passing, answered nor waived: ${blockers.join(
        ', ',
      )}`,
    );
  }
  const at = context.now.toISOString();
  const signed: ReviewActionResult = {
    review: {
      ...review,
      body: {
        ...review.body,
        signoffs: {
          ...review.body.signoffs,
          [section.id]: {
            by: context.actor,
            at,
            ...(comment?.trim() ? { comment: comment.trim() } : {}),
            itemIds: section.items.map(i => i.id),
          },
        },
        snapshots: {
          ...review.body.snapshots,
          ...snapshotsOf([section], context.live, at, 'signoff'),
        },
      },
    },
    events: [
      {
        at,
        actor: context.actor,
        action: 'signed',
        sectionId: section.id,
        ...(comment?.trim() ? { details: { comment: comment.trim() } } : {}),
      },
    ],
  };
  return review.state === 'drifted'
    ? withDrift(signed, context)
    : approveIfSigned(signed, context);
}

/** A reviewer sends the review back to the DRI, with a comment. */
export function requestChanges(
  review: StoredReview,
  sectionId: string,
  comment: string,
  context: ReviewActionContext,
): ReviewActionResult {
  requireState(review, ['in-review'], 'request changes');
  const section = requireSection(context, sectionId);
  const signoffs = { ...review.body.signoffs };
  delete signoffs[section.id];
  return {
    review: withState(
      { ...review, body: { ...review.body, signoffs } },
      'changes-requested',
    ),
    events: [
      {
        at: context.now.toISOString(),
        actor: context.actor,
        action: 'changes-requested',
        sectionId: section.id,
        stateBefore: review.state,
        stateAfter: 'changes-requested',
        details: { comment: comment.trim() },
      },
    ],
  };
}

/** Closes an open review without approval (final). */
export function cancelReview(
  review: StoredReview,
  comment: string,
  context: Pick<ReviewActionContext, 'actor' | 'now'>,
): ReviewActionResult {
  requireState(
    review,
    ['draft', 'in-review', 'changes-requested', 'approved', 'drifted'],
    'cancel',
  );
  return {
    review: withState(review, 'cancelled'),
    events: [
      {
        at: context.now.toISOString(),
        actor: context.actor,
        action: 'cancelled',
        stateBefore: review.state,
        stateAfter: 'cancelled',
        details: { comment: comment.trim() },
      },
    ],
  };
}
