import { useState } from 'react';
import Button from '@mui/material/Button';
import type { ReviewItem } from '@preflight/plugin-reliability-common';
import type {
  ReviewActionNotice,
  ReviewActor,
} from '../../hooks/useReviewActor';
import { ReviewCommentDialog } from '../ReviewCommentDialog';

export interface ReviewItemWaiveButtonProps {
  reviewId: string;
  item: ReviewItem;
  act: ReviewActor;
  busy: boolean;
  /** Why the last action was refused, shown in the dialog. */
  notice?: ReviewActionNotice;
}

/**
 * Lets a section's reviewer waive an item that does not pass, with a
 * reason recorded in the review.
 */
export function ReviewItemWaiveButton(props: ReviewItemWaiveButtonProps) {
  const { reviewId, item, act, busy, notice } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="text"
        onClick={() => setOpen(true)}
        disabled={busy}
        aria-label={`Waive “${item.title}”`}
      >
        Waive
      </Button>
      <ReviewCommentDialog
        open={open}
        title={`Waive “${item.title}”`}
        description="A waived item no longer blocks this section's sign-off. The reason is recorded in the review and its export."
        fieldLabel="Reason"
        required
        confirmLabel="Waive"
        busy={busy}
        notice={notice}
        onConfirm={reason =>
          act((api, version) =>
            api.waiveReviewItem(reviewId, item.id, { version, reason }),
          )
        }
        onClose={() => setOpen(false)}
      />
    </>
  );
}
