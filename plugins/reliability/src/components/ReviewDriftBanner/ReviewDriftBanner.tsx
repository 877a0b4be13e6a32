import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReviewDriftCause } from '@preflight/plugin-reliability-common';
import { driftCauseLabel } from '../../utils';
import { RelativeTime } from '../RelativeTime';

export interface ReviewDriftBannerProps {
  causes: ReviewDriftCause[];
  now: Date;
}

/**
 * Says that an approved review stopped being true, naming every cause and
 * since when, and how it returns to approved without a new review.
 */
export function ReviewDriftBanner(props: ReviewDriftBannerProps) {
  const { causes, now } = props;
  if (causes.length === 0) {
    return null;
  }
  return (
    <Alert severity="error" role="alert" aria-label="Review drifted">
      <AlertTitle>
        This review was approved, but{' '}
        {causes.length === 1 ? 'one thing has' : `${causes.length} things have`}{' '}
        changed since
      </AlertTitle>
      <Box component="ul" aria-label="Drift causes" sx={{ m: 0, pl: 2.5 }}>
        {causes.map((cause, index) => (
          <li key={`${cause.kind}:${cause.sectionId}:${cause.itemId}:${index}`}>
            <Typography
              variant="body2"
              component="span"
              sx={{ fontWeight: 600 }}
            >
              {driftCauseLabel(cause.kind)}:
            </Typography>{' '}
            <Typography variant="body2" component="span">
              {cause.message}
            </Typography>{' '}
            <Typography
              variant="caption"
              component="span"
              color="text.secondary"
            >
              (since <RelativeTime value={cause.since} now={now} />)
            </Typography>
          </li>
        ))}
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        Fix each cause or re-affirm the expired answers: the review returns to
        approved by itself, without a new review.
      </Typography>
    </Alert>
  );
}
