import type {
  AttestationValue,
  ReviewDriftCause,
  ReviewItemStatus,
  ReviewState,
} from '@preflight/plugin-reliability-common';

/** Every review state, in the order a review moves through them. */
export const REVIEW_STATES: ReadonlyArray<ReviewState> = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'drifted',
  'cancelled',
];

const STATE_LABELS: Record<ReviewState, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  drifted: 'Drifted',
  cancelled: 'Cancelled',
};

/** A review state as people say it: `in-review` → `In review`. */
export function reviewStateLabel(state: ReviewState): string {
  return STATE_LABELS[state] ?? state;
}

const ITEM_STATUS_LABELS: Record<ReviewItemStatus, string> = {
  passing: 'Passing',
  failing: 'Failing',
  unanswered: 'Unanswered',
  expired: 'Expired',
  waived: 'Waived',
};

/** An item's status as a word. */
export function reviewItemStatusLabel(status: ReviewItemStatus): string {
  return ITEM_STATUS_LABELS[status] ?? status;
}

const ANSWER_LABELS: Record<AttestationValue, string> = {
  yes: 'Yes',
  no: 'No',
  'not-applicable': 'Not applicable',
};

/** An attestation answer as a word. */
export function attestationValueLabel(value: AttestationValue): string {
  return ANSWER_LABELS[value] ?? value;
}

const DRIFT_LABELS: Record<ReviewDriftCause['kind'], string> = {
  'check-failing': 'Check failing',
  'attestation-expired': 'Attestation expired',
  'new-items': 'New items',
};

/** What kind of change made a review drift. */
export function driftCauseLabel(kind: ReviewDriftCause['kind']): string {
  return DRIFT_LABELS[kind] ?? kind;
}

/** An event's action as a phrase: `signoff-voided` → `sign-off voided`. */
export function reviewEventLabel(action: string): string {
  const known: Record<string, string> = {
    created: 'opened the review',
    answered: 'answered',
    submitted: 'submitted for review',
    waived: 'waived',
    signed: 'signed off',
    'changes-requested': 'requested changes',
    'signoff-voided': 'sign-off voided',
    approved: 'approved',
    drifted: 'drifted',
    'drift-resolved': 'drift resolved',
    reaffirmed: 're-affirmed',
    cancelled: 'cancelled the review',
  };
  return known[action] ?? action.replace(/-/g, ' ');
}
