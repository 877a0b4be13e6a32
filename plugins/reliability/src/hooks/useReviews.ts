import { useCallback, useState } from 'react';
import type {
  EntityReviewsResponse,
  ReviewListQuery,
  ReviewListResponse,
  ReviewResponse,
  ReviewTemplatesResponse,
} from '@preflight/plugin-reliability-common';
import type { ReliabilityApi } from '../api';
import type { RequestState } from './useEntitySlos';
import { useKeyedRequest } from './useKeyedRequest';

/** The key the templates are loaded under; it names no entity. */
const TEMPLATES_KEY = 'reviews:templates';

function requestEntityReviews(
  api: ReliabilityApi,
  entityRef: string,
  signal: AbortSignal,
) {
  return api.getEntityReviews(entityRef, { signal });
}

function requestTemplates(
  api: ReliabilityApi,
  _key: string,
  signal: AbortSignal,
) {
  return api.getReviewTemplates({ signal });
}

function requestReview(api: ReliabilityApi, id: string, signal: AbortSignal) {
  return api.getReview(id, { signal });
}

/** The board's key is its query, so a changed filter aborts the old request. */
function requestReviewList(
  api: ReliabilityApi,
  key: string,
  signal: AbortSignal,
) {
  return api.listReviews(JSON.parse(key) as ReviewListQuery, { signal });
}

/**
 * Loads an entity's readiness reviews and what can be opened on it.
 * @public
 */
export function useEntityReviews(
  entityRef: string,
): RequestState<EntityReviewsResponse> {
  return useKeyedRequest(entityRef, true, requestEntityReviews);
}

/**
 * Loads the configured review templates.
 * @public
 */
export function useReviewTemplates(): RequestState<ReviewTemplatesResponse> {
  return useKeyedRequest(TEMPLATES_KEY, true, requestTemplates);
}

/**
 * Loads one page of the reviews board.
 * @public
 */
export function useReviewList(
  query: ReviewListQuery,
): RequestState<ReviewListResponse> {
  return useKeyedRequest(JSON.stringify(query), true, requestReviewList);
}

/**
 * One review, as loaded or as a write answered it.
 * @public
 */
export interface ReviewState extends RequestState<ReviewResponse> {
  /** Shows a review a write (or a 409) returned, without waiting for a reload. */
  replace(response: ReviewResponse): void;
}

/** Whether `candidate` is newer than what was loaded. */
function isNewer(candidate: ReviewResponse, loaded?: ReviewResponse): boolean {
  if (!loaded) {
    return true;
  }
  if (candidate.review.version !== loaded.review.version) {
    return candidate.review.version > loaded.review.version;
  }
  return candidate.generatedAt > loaded.generatedAt;
}

/**
 * Loads a review by id (nothing while `reviewId` is undefined). Writes hand
 * their answer to `replace`; whichever of that and a reload carries the
 * higher review version is shown, so a slow reload never rolls back a
 * write the user just saw succeed.
 * @public
 */
export function useReview(reviewId: string | undefined): ReviewState {
  const state = useKeyedRequest(
    reviewId ?? '',
    reviewId !== undefined,
    requestReview,
  );
  const [replaced, setReplaced] = useState<ReviewResponse>();
  const replace = useCallback(
    (response: ReviewResponse) => setReplaced(response),
    [],
  );
  const value =
    replaced &&
    replaced.review.id === reviewId &&
    isNewer(replaced, state.value)
      ? replaced
      : state.value;
  return { ...state, value, replace };
}
