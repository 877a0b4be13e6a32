import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import type { Review } from '@preflight/plugin-reliability-common';

export interface ReviewBlockerListProps {
  review: Review;
}

/** `sectionId/itemId` as "Section title: item title" when the review has them. */
function describe(review: Review, blocker: string): string {
  const [sectionId, itemId] = blocker.split('/');
  const section = review.sections.find(s => s.id === sectionId);
  const item = section?.items.find(i => i.id === itemId);
  if (!section || !item) {
    return blocker;
  }
  return `${section.title}: ${item.title}`;
}

/**
 * The items that keep the review from being submitted or approved: not
 * yet passing, answered or waived.
 */
export function ReviewBlockerList(props: ReviewBlockerListProps) {
  const { review } = props;
  if (review.blockers.length === 0 || review.state === 'cancelled') {
    return null;
  }
  const next =
    review.state === 'draft' || review.state === 'changes-requested'
      ? 'before the review can be submitted'
      : 'before every section can be signed';
  return (
    // Standing information, not news: a note rather than an alert.
    <Alert severity="info" role="note" aria-label="Blockers">
      <AlertTitle>
        {review.blockers.length === 1
          ? `1 item needs attention ${next}`
          : `${review.blockers.length} items need attention ${next}`}
      </AlertTitle>
      <Box component="ul" aria-label="Blocking items" sx={{ m: 0, pl: 2.5 }}>
        {review.blockers.map(blocker => (
          <li key={blocker}>{describe(review, blocker)}</li>
        ))}
      </Box>
    </Alert>
  );
}
