import { useCallback, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { ReviewResponse } from '@preflight/plugin-reliability-common';
import {
  isReviewConflictError,
  ReliabilityApi,
  reliabilityApiRef,
} from '../api';
import { isResponseError } from '../utils';
import type { ReviewState } from './useReviews';

/**
 * A write to a review: given the API and the version the page shows, it
 * returns the review as the backend answered.
 */
export type ReviewWrite = (
  api: ReliabilityApi,
  version: number,
) => Promise<ReviewResponse>;

/**
 * Performs a review write; resolves true when it succeeded (so a form can
 * clear or a dialog close) and false when it was refused.
 */
export type ReviewActor = (write: ReviewWrite) => Promise<boolean>;

/**
 * What the last refused write means to the user.
 * `conflict`: someone else changed the review; it was reloaded.
 * `refused`: the backend said no (400 bad input, 403 not allowed,
 * 404 gone) or could not be reached, with its message.
 */
export interface ReviewActionNotice {
  kind: 'conflict' | 'refused';
  title: string;
  message: string;
}

export interface ReviewActorState {
  act: ReviewActor;
  /** A write is in flight: action buttons wait. */
  busy: boolean;
  notice?: ReviewActionNotice;
  dismiss(): void;
}

function refusal(error: unknown): ReviewActionNotice {
  if (isResponseError(error)) {
    const titles: Record<number, string> = {
      400: 'Not accepted',
      403: 'Not allowed',
      404: 'Not found',
    };
    return {
      kind: 'refused',
      title: titles[error.statusCode] ?? `Failed (HTTP ${error.statusCode})`,
      message: error.cause.message,
    };
  }
  return {
    kind: 'refused',
    title: 'Failed',
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Runs writes against the review `review` shows, one at a time, with the
 * version it shows. A 409 shows the review the backend sent back at once,
 * reloads it (for its event log) and says so; other refusals keep the page
 * as it is and say why. `onChanged` runs after every successful write,
 * e.g. to reload the entity's list of reviews.
 */
export function useReviewActor(
  review: ReviewState,
  onChanged?: () => void,
): ReviewActorState {
  const api = useApi(reliabilityApiRef);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ReviewActionNotice>();
  const { value, replace, retry } = review;

  const act = useCallback<ReviewActor>(
    async write => {
      if (!value) {
        return false;
      }
      setBusy(true);
      setNotice(undefined);
      try {
        replace(await write(api, value.review.version));
        onChanged?.();
        return true;
      } catch (error) {
        if (isReviewConflictError(error)) {
          // Show the current review now; the reload brings its events.
          replace({ ...value, review: error.review });
          retry();
          onChanged?.();
          setNotice({
            kind: 'conflict',
            title: 'Someone else changed this review — reloaded',
            message: `${error.message.replace(
              /\.$/,
              '',
            )}. The review below is the current one; check it and try again.`,
          });
        } else {
          setNotice(refusal(error));
        }
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, value, replace, retry, onChanged],
  );
  const dismiss = useCallback(() => setNotice(undefined), []);
  return { act, busy, notice, dismiss };
}
