import { useCallback, useState } from 'react';
import type {
  EntityReviewsResponse,
  ReviewListQuery,
  ReviewListResponse,
  ReviewResponse,
  ReviewTemplatesResponse,
} from '@preflight/plugin-reliability-common';
import { useApi } from '@backstage/core-plugin-api';
import { reliabilityApiRef } from '../api';
import { RequestState, useKeyedRequest } from './useKeyedRequest';

/** The key the templates are loaded under; it names no entity. */
const TEMPLATES_KEY = 'reviews:templates';

/**
 * Loads an entity's readiness reviews and what can be opened on it.
 * @public
 */
export function useEntityReviews(
  entityRef: string,
): RequestState<EntityReviewsResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(entityRef, signal =>
    api.getEntityReviews(entityRef, { signal }),
  );
}

/**
 * Loads the configured review templates.
 * @public
 */
export function useReviewTemplates(): RequestState<ReviewTemplatesResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(TEMPLATES_KEY, signal =>
    api.getReviewTemplates({ signal }),
  );
}

/**
 * Loads one page of the reviews board. The key is the query, so a changed
 * filter aborts the old request.
 * @public
 */
export function useReviewList(
  query: ReviewListQuery,
): RequestState<ReviewListResponse> {
  const api = useApi(reliabilityApiRef);
  return useKeyedRequest(JSON.stringify(query), signal =>
    api.listReviews(query, { signal }),
  );
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
  const api = useApi(reliabilityApiRef);
  const state = useKeyedRequest(
    reviewId ?? '',
    reviewId === undefined
      ? undefined
      : signal => api.getReview(reviewId, { signal }),
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
  return {
    entityRef: state.entityRef,
    value,
    loading: state.loading,
    error: state.error,
    retry: state.retry,
    replace,
  };
}
