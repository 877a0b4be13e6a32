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
import type { ReliabilityApiSchemas as ApiSchemas } from './apiSchemas';

// The API's request and response shapes are the types generated from
// plugins/reliability-backend/openapi.yaml (`npm run generate:api`): change
// the spec, not these aliases. Types that never cross the wire stay here.

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
export type ReviewState = ApiSchemas['ReviewState'];

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
export type EvidenceLink = ApiSchemas['EvidenceLink'];

/** An item of a template, as configured. @public */
export type ReviewTemplateItem = ApiSchemas['ReviewTemplateItem'];

/** A section of a template, as configured. @public */
export type ReviewTemplateSection =
  ApiSchemas['ReviewTemplate']['sections'][number];

/** A review template, as configured (`reliability.reviews.templates[]`). @public */
export type ReviewTemplate = ApiSchemas['ReviewTemplate'];

/** `GET /review-templates`. @public */
export type ReviewTemplatesResponse = ApiSchemas['ReviewTemplatesResponse'];

/** A check's state as captured at a moment (submit, sign-off) or live. @public */
export type ReviewCheckState = ApiSchemas['ReviewCheckState'];

/** The answer to an attestation. @public */
export type AttestationAnswer = ApiSchemas['AttestationAnswer'];

/** A waiver of an item by a section's reviewer. @public */
export type ItemWaiver = ApiSchemas['ItemWaiver'];

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
export type ReviewItem = ApiSchemas['ReviewItem'];

/** Whether the caller may sign a section, and why not. @public */
export type SignoffEligibility = ApiSchemas['ReviewSection']['eligibility'];

/** One section of a review. @public */
export type ReviewSection = ApiSchemas['ReviewSection'];

/** Why an approved review drifted. @public */
export type ReviewDriftCause = ApiSchemas['ReviewDriftCause'];

/** A review as listed on the board. @public */
export type ReviewSummary = ApiSchemas['ReviewSummary'];

/** A full review, as the entity tab shows it. @public */
export type Review = ApiSchemas['Review'];

/** One entry of a review's append-only event log. @public */
export type ReviewEvent = ApiSchemas['ReviewEvent'];

/** `GET /reviews/{id}`. @public */
export type ReviewResponse = ApiSchemas['ReviewResponse'];

/** A template and the stages a new review can be opened for on an entity. @public */
export type ApplicableReviewTemplate =
  ApiSchemas['EntityReviewsResponse']['templates'][number];

/** `GET /entities/{kind}/{namespace}/{name}/reviews`. @public */
export type EntityReviewsResponse = ApiSchemas['EntityReviewsResponse'];

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
export type ReviewListResponse = ApiSchemas['ReviewListResponse'];

/** `POST /entities/{kind}/{namespace}/{name}/reviews`. @public */
export type CreateReviewRequest = ApiSchemas['CreateReviewRequest'];

/** `PUT /reviews/{id}/items/{itemId}/answer`. @public */
export type AnswerItemRequest = ApiSchemas['AnswerItemRequest'];

/** Body of the transition actions that only carry the version and an optional comment. @public */
export type ReviewActionRequest = ApiSchemas['ReviewActionRequest'];

/** `POST /reviews/{id}/items/{itemId}/waive`. @public */
export type WaiveItemRequest = ApiSchemas['WaiveItemRequest'];

/** Bounds enforced on review input. @public */
export const REVIEW_LIMITS = {
  reasonChars: 2000,
  noteChars: 2000,
  commentChars: 2000,
  evidenceLinks: 20,
  urlChars: 2048,
  titleChars: 200,
} as const;
