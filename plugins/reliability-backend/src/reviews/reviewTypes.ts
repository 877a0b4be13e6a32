import type {
  AttestationAnswer,
  ItemWaiver,
  ReviewCheckState,
  ReviewDriftCause,
  ReviewEvent,
  ReviewState,
  ReviewTemplate,
} from '@preflight/plugin-reliability-common';

/** A check item's state captured at submit or at its section's sign-off. */
export type ReviewSnapshot = ReviewCheckState & {
  capturedAt: string;
  reason: 'submit' | 'signoff';
};

/** A section's sign-off as stored: who, when, and which items it covered. */
export interface StoredSignoff {
  by: string;
  at: string;
  comment?: string;
  /**
   * The items the section had when signed. Items added later (a template
   * change, a tier change) are not covered: they drift the review until the
   * section is signed again.
   */
  itemIds: string[];
}

/** Everything of a review that is not a column: answers, sign-offs, snapshots, drift. */
export interface ReviewBody {
  /** The template as it was when the review was opened (readable if later removed). */
  template: ReviewTemplate;
  /** The entity's tier as last seen (at open, then by drift detection). */
  currentTier: string | null;
  answers: Record<string, AttestationAnswer>;
  waivers: Record<string, ItemWaiver>;
  signoffs: Record<string, StoredSignoff>;
  snapshots: Record<string, ReviewSnapshot>;
  drift: ReviewDriftCause[];
}

/** A review as stored. */
export interface StoredReview {
  /** UUID. */
  id: string;
  entityRef: string;
  stage: string;
  templateId: string;
  templateVersion: string;
  state: ReviewState;
  /** User ref of whoever opened it. */
  dri: string;
  /** `YYYY-MM-DD`; null: none. */
  targetDate: string | null;
  /** The entity's tier when the review was opened. */
  tier: string | null;
  /** The entity's owner (for the board's team filter), as last seen. */
  ownerRef: string | null;
  /** The entity's title or name, as last seen. */
  entityTitle: string | null;
  /** Incremented by every write; a write names the version it read. */
  version: number;
  createdAt: string;
  updatedAt: string;
  body: ReviewBody;
}

/** An event about to be appended (the store numbers it). */
export type NewReviewEvent = Omit<ReviewEvent, 'seq'>;

/** Live check states of one entity, by check id (from its stored scorecard). */
export type LiveCheckStates = Map<string, ReviewCheckState>;

/**
 * What lists (the board, an entity's reviews, the deploy gate, scorecard
 * facts) need of a review, stored next to it so they never read the body.
 */
export interface ReviewDigest {
  /** The entity's tier as last seen. */
  currentTier: string | null;
  /** Sections holding a sign-off. */
  signedSectionIds: string[];
  driftCount: number;
  /** The first drift cause, for one-line reasons. */
  firstDrift?: string;
  /**
   * The template as opened, reduced to its title and the sections that
   * apply (stage, tier): what a summary shows once the template is removed
   * from the configuration.
   */
  openedTemplate: {
    title: string;
    sections: Array<{ id: string; reviewerGroups: string[] }>;
  };
}

/** A review without its body: the columns and the digest. */
export type ReviewHead = Omit<StoredReview, 'body'> & { digest: ReviewDigest };
