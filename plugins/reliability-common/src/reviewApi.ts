/**
 * Readiness reviews: the API shapes shared by the backend (which stores
 * reviews, detects drift and enforces sign-off rules) and the frontend
 * (the entity tab and the reviews board).
 *
 * A review is one entity × one stage, opened from a template configured
 * under `reliability.reviews`. Its items are either bound to a scorecard
 * check (live state, with the check's facts as evidence) or attestations a
 * person answers. Sections are signed off by a member of their reviewer
 * group(s); the review is approved when every section is signed.
 */
import type { CheckFactValue, CheckState } from './scorecards/types';

/**
 * Where a review stands.
 * `draft`: opened, being answered by the DRI;
 * `in-review`: submitted, reviewers sign sections;
 * `changes-requested`: a reviewer asked for changes (answers editable, submit again);
 * `approved`: every section signed;
 * `drifted`: was approved, but a bound check fails, an attestation expired or
 * the entity now needs more items (see {@link ReviewDriftCause});
 * `cancelled`: closed without approval (final).
 * @public
 */
export type ReviewState =
  | 'draft'
  | 'in-review'
  | 'changes-requested'
  | 'approved'
  | 'drifted'
  | 'cancelled';

/** States in which a review counts as open (at most one per entity and stage). @public */
export const OPEN_REVIEW_STATES: ReadonlyArray<ReviewState> = [
  'draft',
  'in-review',
  'changes-requested',
  'approved',
  'drifted',
];

/** An attestation's answer value. @public */
export type AttestationValue = 'yes' | 'no' | 'not-applicable';

/** Whether an attestation needs evidence links. @public */
export type EvidenceRequirement = 'required' | 'optional' | 'none';

/** A link offered as evidence (http or https only). @public */
export interface EvidenceLink {
  url: string;
  /** Shown instead of the URL when set. */
  title?: string;
}

/** An item of a template, as configured. @public */
export interface ReviewTemplateItem {
  /** Unique within the template, e.g. `load-test`. */
  id: string;
  kind: 'check' | 'attestation';
  /** The question (attestation) or the check's title (check). */
  title: string;
  /** Guidance shown under the title. */
  description?: string;
  /** `check` items: the scorecard check id (a rubric check). */
  checkId?: string;
  /** `attestation` items: whether evidence links are needed. Default `optional`. */
  evidence?: EvidenceRequirement;
  /** `attestation` items: days after which a `yes` answer expires and must be re-affirmed. */
  reaffirmEveryDays?: number;
  /** Stages the item applies to; absent: every stage of the template. */
  stages?: string[];
  /** Tiers (`preflight.dev/tier`) the item applies to; absent: every tier. */
  tiers?: string[];
}

/** A section of a template, as configured. @public */
export interface ReviewTemplateSection {
  /** Unique within the template, e.g. `slos`. */
  id: string;
  title: string;
  description?: string;
  /** Catalog group refs whose members may sign this section, e.g. `group:default/sre`. */
  reviewerGroups: string[];
  items: ReviewTemplateItem[];
}

/** A review template, as configured (`reliability.reviews.templates[]`). @public */
export interface ReviewTemplate {
  id: string;
  title: string;
  description?: string;
  /** Entities the template applies to; an absent list matches everything. */
  appliesTo: {
    kinds?: string[];
    types?: string[];
    lifecycles?: string[];
    tiers?: string[];
  };
  /** Stages a review can be opened for, e.g. `beta`, `ga`. */
  stages: string[];
  sections: ReviewTemplateSection[];
  /** Stable hash of the template: a review records the version it was opened with. */
  version: string;
}

/** `GET /review-templates`. @public */
export interface ReviewTemplatesResponse {
  templates: ReviewTemplate[];
}

/** A check's state as captured at a moment (submit, sign-off) or live. @public */
export interface ReviewCheckState {
  state: CheckState;
  /** Counts as passing (pass, warning, or an active exemption). */
  passing: boolean;
  message: string;
  facts: CheckFactValue[];
  /** How to fix it, from the rubric. */
  fix?: { text: string; url?: string };
  /** When the scorecard that holds it was evaluated; null when never. */
  evaluatedAt: string | null;
}

/** The answer to an attestation. @public */
export interface AttestationAnswer {
  value: AttestationValue;
  /** Required with `not-applicable` and with `no`; at most 2,000 characters. */
  reason?: string;
  evidence: EvidenceLink[];
  /** Free text, at most 2,000 characters. */
  note?: string;
  /** User entity ref of whoever answered. */
  answeredBy: string;
  answeredAt: string;
  /** When a `yes` answer must be re-affirmed (from `reaffirmEveryDays`); null: never. */
  expiresAt: string | null;
}

/** A waiver of an item by a section's reviewer. @public */
export interface ItemWaiver {
  reason: string;
  by: string;
  at: string;
}

/**
 * What an item amounts to now:
 * `passing` (a check passes, or an attestation answered yes or not-applicable with its evidence),
 * `failing` (a check fails or is in error, or an attestation answered no),
 * `unanswered` (an attestation with no answer yet),
 * `expired` (an attestation past its re-affirm date),
 * `waived` (a reviewer waived it with a reason).
 * @public
 */
export type ReviewItemStatus =
  | 'passing'
  | 'failing'
  | 'unanswered'
  | 'expired'
  | 'waived';

/** One item of a review. @public */
export interface ReviewItem extends ReviewTemplateItem {
  status: ReviewItemStatus;
  /** `check` items: the live state from the stored scorecard; null before the first evaluation. */
  live?: ReviewCheckState | null;
  /** `check` items: the state captured at submit, then at this section's sign-off. */
  snapshot?:
    | (ReviewCheckState & { capturedAt: string; reason: 'submit' | 'signoff' })
    | null;
  /** `attestation` items. */
  answer?: AttestationAnswer | null;
  waiver?: ItemWaiver | null;
}

/** Whether the caller may sign a section, and why not. @public */
export interface SignoffEligibility {
  allowed: boolean;
  /** Why not, in one sentence ("You are not a member of group:default/sre"). */
  reason?: string;
}

/** One section of a review. @public */
export interface ReviewSection {
  id: string;
  title: string;
  description?: string;
  reviewerGroups: string[];
  items: ReviewItem[];
  signoff: { by: string; at: string; comment?: string } | null;
  /** For the caller: may they sign (or request changes on) this section now. */
  eligibility: SignoffEligibility;
}

/** Why an approved review drifted. @public */
export interface ReviewDriftCause {
  kind: 'check-failing' | 'attestation-expired' | 'new-items';
  /** The item concerned (absent for `new-items` of a whole section). */
  itemId?: string;
  sectionId?: string;
  /** One sentence, e.g. `"SLOs met" fails: checkout-availability burns its budget`. */
  message: string;
  since: string;
}

/** A review as listed on the board. @public */
export interface ReviewSummary {
  id: string;
  entityRef: string;
  /** The entity's title or name, for display. */
  entityTitle?: string;
  /** The entity's owner (`spec.owner`), as a group/user ref. */
  ownerRef?: string;
  stage: string;
  templateId: string;
  templateTitle: string;
  state: ReviewState;
  /** The directly responsible individual (who opened it), a user ref. */
  dri: string;
  /** `YYYY-MM-DD`; null: none set. */
  targetDate: string | null;
  /** True when the target date has passed before approval (not approved, drifted or cancelled). */
  overdue: boolean;
  /** Reviewer groups of sections not yet signed. */
  pendingReviewerGroups: string[];
  sectionsSigned: number;
  sectionsTotal: number;
  driftCount: number;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency version: send it with every write. */
  version: number;
}

/** A full review, as the entity tab shows it. @public */
export interface Review extends ReviewSummary {
  templateVersion: string;
  /** The entity's tier now (as last seen by the review). */
  tier?: string;
  /** The entity's tier when the review was opened, when set. */
  tierAtOpen?: string;
  sections: ReviewSection[];
  drift: ReviewDriftCause[];
  /** E.g. the template was removed or changed since the review was opened. */
  warnings: string[];
  /** Items not yet passing, answered or waived, as `sectionId/itemId`: what blocks submit or approval. */
  blockers: string[];
}

/** One entry of a review's append-only event log. @public */
export interface ReviewEvent {
  /** 1-based, in order. */
  seq: number;
  at: string;
  /** User entity ref, or `system` for drift detection. */
  actor: string;
  /**
   * e.g. `created`, `answered`, `submitted`, `waived`, `signed`,
   * `changes-requested`, `signoff-voided`, `approved`, `drifted`,
   * `drift-resolved`, `reaffirmed`, `cancelled`.
   */
  action: string;
  /** The review state before and after, when the action changed it. */
  stateBefore?: ReviewState;
  stateAfter?: ReviewState;
  sectionId?: string;
  itemId?: string;
  /** Action details: the answer, the reason, the drift causes. */
  details?: Record<string, unknown>;
}

/** `GET /reviews/{id}`. @public */
export interface ReviewResponse {
  review: Review;
  events: ReviewEvent[];
  generatedAt: string;
}

/** A template and the stages a new review can be opened for on an entity. @public */
export interface ApplicableReviewTemplate {
  templateId: string;
  title: string;
  /** Stages without an open review. */
  openableStages: string[];
}

/** `GET /entities/{kind}/{namespace}/{name}/reviews`. @public */
export interface EntityReviewsResponse {
  entityRef: string;
  reviews: ReviewSummary[];
  templates: ApplicableReviewTemplate[];
  /** Whether the caller may open a review on this entity. */
  canCreate: boolean;
  generatedAt: string;
}

/** `GET /reviews` filters. @public */
export interface ReviewListQuery {
  state?: ReviewState[];
  stage?: string;
  /** Owner group ref: reviews of entities owned by it or its sub-groups. */
  team?: string;
  reviewerGroup?: string;
  /** Only reviews with a section awaiting sign-off by a group the caller belongs to. */
  waitingOnMe?: boolean;
  overdue?: boolean;
  /** Free text over the entity ref and title. */
  q?: string;
  page?: number;
  /** 1-100, default 50. */
  pageSize?: number;
}

/** `GET /reviews`: the board. @public */
export interface ReviewListResponse {
  items: ReviewSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Count of reviews per state under the same filters (state filter excluded). */
  countsByState: Partial<Record<ReviewState, number>>;
  generatedAt: string;
}

/** `POST /entities/{kind}/{namespace}/{name}/reviews`. @public */
export interface CreateReviewRequest {
  templateId: string;
  stage: string;
  /** `YYYY-MM-DD`. */
  targetDate?: string;
}

/** `PUT /reviews/{id}/items/{itemId}/answer`. @public */
export interface AnswerItemRequest {
  version: number;
  value: AttestationValue;
  reason?: string;
  evidence?: EvidenceLink[];
  note?: string;
}

/** Body of the transition actions that only carry the version and an optional comment. @public */
export interface ReviewActionRequest {
  version: number;
  /** Required for `request-changes` and `cancel`; optional for sign-off. */
  comment?: string;
}

/** `POST /reviews/{id}/items/{itemId}/waive`. @public */
export interface WaiveItemRequest {
  version: number;
  reason: string;
}

/** Bounds enforced on review input. @public */
export const REVIEW_LIMITS = {
  reasonChars: 2000,
  noteChars: 2000,
  commentChars: 2000,
  evidenceLinks: 20,
  urlChars: 2048,
  titleChars: 200,
} as const;
