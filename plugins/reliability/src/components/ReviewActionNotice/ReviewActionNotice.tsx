import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { ReviewActionNotice as Notice } from '../../hooks/useReviewActor';

export interface ReviewActionNoticeProps {
  notice?: Notice;
  /** Shows a close button when set. */
  onClose?(): void;
}

/**
 * Why the last change to a review did not go through: someone else changed
 * it first (the page now shows their version), or the backend refused it
 * and said why.
 */
export function ReviewActionNotice(props: ReviewActionNoticeProps) {
  const { notice, onClose } = props;
  if (!notice) {
    return null;
  }
  return (
    <Alert
      severity={notice.kind === 'conflict' ? 'warning' : 'error'}
      role="alert"
      aria-label={notice.title}
      onClose={onClose}
    >
      <AlertTitle>{notice.title}</AlertTitle>
      {notice.message}
    </Alert>
  );
}
