import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import type { ReviewSummary } from '@preflight/plugin-reliability-common';
import { entityRefName } from '../../utils';
import { ReviewStateChip } from '../ReviewStateChip';
import { ReviewTargetDate } from '../ReviewTargetDate';

export interface EntityReviewListProps {
  reviews: ReviewSummary[];
  /** The review shown below the list. */
  selectedId?: string;
}

/**
 * The readiness reviews of one entity, newest first, each a link that
 * shows it (the review id goes in the page's `review` query parameter, so
 * the link can be shared).
 */
export function EntityReviewList(props: EntityReviewListProps) {
  const { reviews, selectedId } = props;
  if (reviews.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No readiness review has been opened for this entity yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Reviews of this entity">
      <TableHead>
        <TableRow>
          <TableCell>Review</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Target date</TableCell>
          <TableCell align="right">Sections signed</TableCell>
          <TableCell>DRI</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {reviews.map(review => {
          const selected = review.id === selectedId;
          return (
            <TableRow
              key={review.id}
              selected={selected}
              aria-label={`${review.templateTitle}: ${review.stage}`}
            >
              <TableCell>
                <Link
                  component={RouterLink}
                  to={`?review=${encodeURIComponent(review.id)}`}
                  aria-current={selected ? 'true' : undefined}
                  underline="hover"
                  sx={{ fontWeight: selected ? 600 : 400 }}
                >
                  {review.templateTitle}: {review.stage}
                </Link>
              </TableCell>
              <TableCell>
                <ReviewStateChip state={review.state} />
              </TableCell>
              <TableCell>
                <ReviewTargetDate
                  targetDate={review.targetDate}
                  overdue={review.overdue}
                />
              </TableCell>
              <TableCell align="right">
                {review.sectionsSigned} / {review.sectionsTotal}
              </TableCell>
              <TableCell>{entityRefName(review.dri)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
