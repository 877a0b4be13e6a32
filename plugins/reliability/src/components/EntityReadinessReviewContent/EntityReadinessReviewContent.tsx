import { useCallback } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  OPEN_REVIEW_STATES,
  ReviewResponse,
  ReviewSummary,
} from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import { useEntityReviews, useReview } from '../../hooks/useReviews';
import { CardFrame } from '../CardFrame';
import { EntityReviewList } from '../EntityReviewList';
import { OpenReviewForm } from '../OpenReviewForm';
import { ReadinessReviewPanel } from '../ReadinessReviewPanel';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { RequestPending } from '../RequestPending';

/** @public */
export interface EntityReadinessReviewContentProps {
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/** The review shown when the URL names none: the first open one, else the newest. */
function defaultReview(reviews: ReviewSummary[]): ReviewSummary | undefined {
  return (
    reviews.find(review => OPEN_REVIEW_STATES.includes(review.state)) ??
    reviews[0]
  );
}

/**
 * The "Readiness review" tab of an entity page: the entity's reviews, a
 * form to open one for a stage, and the selected review in full (the
 * `review` query parameter selects it, so links from the reviews board
 * land on it).
 * @public
 */
export function EntityReadinessReviewContent(
  props: EntityReadinessReviewContentProps,
) {
  const now = useNow(props.now);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const reviews = useEntityReviews(entityRef);
  const [params, setParams] = useSearchParams();
  const listed = reviews.value?.reviews ?? [];
  const selectedId = params.get('review') ?? defaultReview(listed)?.id;
  const review = useReview(selectedId);
  const { retry: reloadList } = reviews;
  const { replace } = review;

  const onOpened = useCallback(
    (reviewId: string, response?: ReviewResponse) => {
      if (response) {
        replace(response);
      }
      setParams(previous => {
        const next = new URLSearchParams(previous);
        next.set('review', reviewId);
        return next;
      });
      reloadList();
    },
    [replace, setParams, reloadList],
  );

  const response = reviews.value;
  return (
    <Stack spacing={3}>
      <CardFrame title="Readiness reviews">
        {!response && (
          <RequestPending
            state={reviews}
            loadingLabel="Loading readiness reviews"
            rows={2}
          />
        )}
        {response && reviews.error && (
          <ReloadFailedAlert
            error={reviews.error}
            shownAsOf={response.generatedAt}
            now={now}
            onRetry={reviews.retry}
          />
        )}
        {response && (
          <>
            <EntityReviewList
              reviews={response.reviews}
              selectedId={selectedId}
            />
            {response.canCreate ? (
              <OpenReviewForm
                entityRef={entityRef}
                templates={response.templates}
                onOpened={onOpened}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                You may not open readiness reviews on this entity; its owners
                can.
              </Typography>
            )}
          </>
        )}
      </CardFrame>
      {selectedId && (
        <ReadinessReviewPanel state={review} onChanged={reloadList} now={now} />
      )}
    </Stack>
  );
}
