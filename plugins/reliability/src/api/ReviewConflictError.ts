import type { Review } from '@preflight/plugin-reliability-common';

/**
 * A review write was refused with 409 because the review changed since it
 * was read (someone else answered, signed or cancelled). Carries the
 * review as the backend holds it now, so the page can show it instead of
 * the stale copy.
 * @public
 */
export class ReviewConflictError extends Error {
  /** The review as it is now. */
  readonly review: Review;

  constructor(message: string, review: Review) {
    super(message);
    this.name = 'ReviewConflictError';
    this.review = review;
  }
}

/**
 * True for a {@link ReviewConflictError}. Checks the name rather than
 * `instanceof`, as an app may bundle several copies of this package.
 * @public
 */
export function isReviewConflictError(
  error: unknown,
): error is ReviewConflictError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Error).name === 'ReviewConflictError' &&
    typeof (error as ReviewConflictError).review === 'object' &&
    (error as ReviewConflictError).review !== null
  );
}
