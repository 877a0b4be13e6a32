import { useId, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import type {
  Review,
  ReviewItem,
  ReviewSection,
} from '@preflight/plugin-reliability-common';
import type {
  ReviewActionNotice,
  ReviewActor,
} from '../../hooks/useReviewActor';
import { entityRefName, formatDateTime } from '../../utils';
import { ReviewAttestationItem } from '../ReviewAttestationItem';
import { ReviewCheckItem } from '../ReviewCheckItem';
import { ReviewCommentDialog } from '../ReviewCommentDialog';
import { ReviewItemWaiveButton } from '../ReviewItemWaiveButton';

export interface ReviewSectionPanelProps {
  review: Review;
  section: ReviewSection;
  /** Answers may change in the review's state. */
  editable: boolean;
  busy: boolean;
  act: ReviewActor;
  /** Why the last action was refused, shown in the open dialog. */
  notice?: ReviewActionNotice;
  now: Date;
}

type Dialog = 'signoff' | 'request-changes' | undefined;

function SignoffLine(props: { section: ReviewSection }) {
  const { section } = props;
  const groups = section.reviewerGroups.map(entityRefName).join(', ');
  if (section.signoff) {
    return (
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        useFlexGap
        flexWrap="wrap"
      >
        <Chip
          size="small"
          color="success"
          icon={<CheckCircleIcon />}
          label="Signed off"
        />
        <Typography variant="body2">
          by {entityRefName(section.signoff.by)} on{' '}
          <time dateTime={section.signoff.at}>
            {formatDateTime(section.signoff.at)}
          </time>
          {section.signoff.comment && `: ${section.signoff.comment}`}
        </Typography>
      </Stack>
    );
  }
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      useFlexGap
      flexWrap="wrap"
    >
      <Chip
        size="small"
        variant="outlined"
        icon={<HourglassEmptyIcon />}
        label="Awaiting sign-off"
      />
      <Typography variant="body2" color="text.secondary">
        by a member of {groups || 'no reviewer group'}
      </Typography>
    </Stack>
  );
}

function canBeWaived(item: ReviewItem): boolean {
  return item.status !== 'passing' && item.status !== 'waived';
}

/**
 * One section of a review: its items, who must sign it and whether they
 * have, and for the viewer the sign-off, request-changes and waive
 * buttons — disabled with the reason when they may not use them.
 */
export function ReviewSectionPanel(props: ReviewSectionPanelProps) {
  const { review, section, editable, busy, act, notice, now } = props;
  const headingId = useId();
  const reasonId = useId();
  const [dialog, setDialog] = useState<Dialog>();
  const { allowed, reason } = section.eligibility;
  const open = review.state !== 'cancelled';
  // A signed section offers sign-off again only when the backend allows it:
  // a drifted review whose section gained items its sign-off does not cover.
  const showSignoff = open && (!section.signoff || allowed);
  const describedBy = !allowed && reason ? reasonId : undefined;

  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: 2 }}
    >
      <Stack spacing={1}>
        <Typography id={headingId} variant="h6" component="h3">
          {section.title}
        </Typography>
        {section.description && (
          <Typography variant="body2" color="text.secondary">
            {section.description}
          </Typography>
        )}
        <SignoffLine section={section} />
        {showSignoff && (
          <Stack
            direction="row"
            spacing={1}
            alignItems="center"
            useFlexGap
            flexWrap="wrap"
          >
            <Button
              size="small"
              variant="contained"
              disabled={!allowed || busy}
              aria-describedby={describedBy}
              onClick={() => setDialog('signoff')}
            >
              Sign off
            </Button>
            <Button
              size="small"
              variant="outlined"
              disabled={!allowed || busy}
              aria-describedby={describedBy}
              onClick={() => setDialog('request-changes')}
            >
              Request changes
            </Button>
            {!allowed && reason && (
              <Typography
                id={reasonId}
                variant="caption"
                color="text.secondary"
              >
                {reason}
              </Typography>
            )}
          </Stack>
        )}
      </Stack>
      <Box role="list" aria-label={`${section.title} items`} sx={{ mt: 1 }}>
        {section.items.map(item => {
          const actions =
            open && allowed && canBeWaived(item) ? (
              <ReviewItemWaiveButton
                reviewId={review.id}
                item={item}
                act={act}
                busy={busy}
                notice={notice}
              />
            ) : undefined;
          return item.kind === 'check' ? (
            <ReviewCheckItem
              key={item.id}
              item={item}
              now={now}
              actions={actions}
            />
          ) : (
            <ReviewAttestationItem
              key={item.id}
              reviewId={review.id}
              item={item}
              editable={editable}
              busy={busy}
              act={act}
              now={now}
              actions={actions}
            />
          );
        })}
      </Box>
      <ReviewCommentDialog
        open={dialog === 'signoff'}
        title={`Sign off “${section.title}”`}
        description="Your sign-off records that this section is production ready. Changing an answer in it later voids the sign-off."
        fieldLabel="Comment"
        required={false}
        confirmLabel="Sign off"
        busy={busy}
        notice={notice}
        onConfirm={comment =>
          act((api, version) =>
            api.signoffReviewSection(review.id, section.id, {
              version,
              comment: comment || undefined,
            }),
          )
        }
        onClose={() => setDialog(undefined)}
      />
      <ReviewCommentDialog
        open={dialog === 'request-changes'}
        title={`Request changes to “${section.title}”`}
        description="The review goes back to its DRI, who changes the answers and submits it again."
        fieldLabel="What needs to change"
        required
        confirmLabel="Request changes"
        busy={busy}
        notice={notice}
        onConfirm={comment =>
          act((api, version) =>
            api.requestReviewChanges(review.id, section.id, {
              version,
              comment,
            }),
          )
        }
        onClose={() => setDialog(undefined)}
      />
    </Paper>
  );
}
