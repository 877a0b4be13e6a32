import type {
  ReviewEvent,
  ReviewState,
} from '@preflight/plugin-reliability-common';
import type { NewReviewEvent, ReviewHead, StoredReview } from './reviewTypes';

/** Board filters the database applies (the rest is filtered in memory). */
export interface ReviewStoreFilter {
  states?: ReviewState[];
  stage?: string;
  /** Owner refs (a team and its sub-groups). */
  ownerRefs?: string[];
  /** Entity refs. */
  entityRefs?: string[];
}

/** The outcome of opening a review: created, or the open review already there. */
export type CreateReviewOutcome =
  | { created: true; review: StoredReview }
  | { created: false; existing: StoredReview };

/**
 * Persistence of readiness reviews and their append-only event logs. Every
 * write is conditional on the version the writer read.
 */
export interface ReviewStore {
  /**
   * Opens a review with its first event. When an open review of the same
   * entity and stage exists (on any replica), nothing is written and that
   * review is returned instead.
   */
  createReview(
    review: StoredReview,
    event: NewReviewEvent,
  ): Promise<CreateReviewOutcome>;

  getReview(id: string): Promise<StoredReview | undefined>;

  /** Reviews matching the filter, newest first, with their bodies. */
  listReviews(filter: ReviewStoreFilter): Promise<StoredReview[]>;

  /**
   * Reviews matching the filter, newest first, without their bodies (the
   * columns and the digest): what lists read.
   */
  listReviewHeads(filter: ReviewStoreFilter): Promise<ReviewHead[]>;

  /**
   * Writes `review` (its state, columns and body) and appends `events`, if
   * and only if the stored version is still `expectedVersion`. Returns the
   * stored review (version incremented), or undefined when the stored
   * version moved on (someone else wrote first): nothing is written then.
   */
  updateReview(
    review: StoredReview,
    expectedVersion: number,
    events: NewReviewEvent[],
  ): Promise<StoredReview | undefined>;

  /**
   * {@link ReviewStore.updateReview} for many reviews in one transaction
   * (drift detection). Each is written only if its version still matches;
   * returns the ids written.
   */
  updateReviews(
    updates: Array<{
      review: StoredReview;
      expectedVersion: number;
      events: NewReviewEvent[];
    }>,
  ): Promise<string[]>;

  /**
   * A value that changes whenever any review is created or written (on any
   * replica): the row count and the sum of versions. Lets readers keep
   * derived data until it changes.
   */
  getChangeStamp(): Promise<string>;

  /** The review's events, oldest first. */
  listEvents(reviewId: string): Promise<ReviewEvent[]>;
}
