import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  OPEN_REVIEW_STATES,
  Review,
  ReviewState as ReviewStateName,
} from '@preflight/plugin-reliability-common';
import { useReviewActor } from '../../hooks/useReviewActor';
import type { ReviewState } from '../../hooks/useReviews';
import { CardFrame } from '../CardFrame';
import { LabeledValue } from '../LabeledValue';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { RelativeTime } from '../RelativeTime';
import { RequestPending } from '../RequestPending';
import { ReviewActionNotice } from '../ReviewActionNotice';
import { ReviewBlockerList } from '../ReviewBlockerList';
import { ReviewCommentDialog } from '../ReviewCommentDialog';
import { ReviewDriftBanner } from '../ReviewDriftBanner';
import { ReviewExportButtons } from '../ReviewExportButtons';
import { ReviewSectionPanel } from '../ReviewSectionPanel';
import { ReviewStateChip } from '../ReviewStateChip';
import { ReviewTargetDate } from '../ReviewTargetDate';
import { ReviewTimeline } from '../ReviewTimeline';

export interface ReadinessReviewPanelProps {
  /** The selected review, from `useReview`. */
  state: ReviewState;
  /** Runs after each change the viewer made (or found made by someone else). */
  onChanged?(): void;
  now: Date;
}

/** States in which answers may change (every open state). */
function isEditable(state: ReviewStateName): boolean {
  return OPEN_REVIEW_STATES.includes(state);
}

function Facts(props: { review: Review; now: Date }) {
  const { review, now } = props;
  return (
    <Stack direction="row" spacing={3} useFlexGap flexWrap="wrap">
      <LabeledValue label="State">
        <ReviewStateChip state={review.state} />
      </LabeledValue>
      <LabeledValue label="DRI">
        <EntityRefLink entityRef={review.dri} defaultKind="user" />
      </LabeledValue>
      <LabeledValue label="Target date">
        <ReviewTargetDate
          targetDate={review.targetDate}
          overdue={review.overdue}
        />
      </LabeledValue>
      <LabeledValue label="Stage">{review.stage}</LabeledValue>
      {review.tier && <LabeledValue label="Tier">{review.tier}</LabeledValue>}
      <LabeledValue label="Sections signed">
        {review.sectionsSigned} of {review.sectionsTotal}
      </LabeledValue>
      <LabeledValue label="Opened">
        <RelativeTime value={review.createdAt} now={now} />
      </LabeledValue>
    </Stack>
  );
}

/**
 * One readiness review in full: its state, DRI and target date, drift,
 * warnings and blockers, the checklist by section with the viewer's
 * actions, submit and cancel, export, and the event timeline.
 */
export function ReadinessReviewPanel(props: ReadinessReviewPanelProps) {
  const { state, onChanged, now } = props;
  const { act, busy, notice, dismiss } = useReviewActor(state, onChanged);
  const [cancelling, setCancelling] = useState(false);
  const response = state.value;
  if (!response) {
    return (
      <CardFrame title="Readiness review">
        <RequestPending
          state={state}
          loadingLabel="Loading the review"
          rows={5}
          subject="this review"
        />
      </CardFrame>
    );
  }
  const { review, events } = response;
  const editable = isEditable(review.state);
  const canSubmit =
    review.state === 'draft' || review.state === 'changes-requested';

  return (
    <Stack spacing={3}>
      <CardFrame
        title={`${review.templateTitle}: ${review.stage}`}
        subheader={`Template version ${review.templateVersion}`}
        action={<ReviewStateChip state={review.state} size="medium" />}
      >
        {state.error && (
          <ReloadFailedAlert
            error={state.error}
            shownAsOf={response.generatedAt}
            now={now}
            onRetry={state.retry}
          />
        )}
        <ReviewActionNotice notice={notice} onClose={dismiss} />
        <Facts review={review} now={now} />
        {review.warnings.map(warning => (
          <Alert key={warning} severity="warning">
            {warning}
          </Alert>
        ))}
        <ReviewDriftBanner causes={review.drift} now={now} />
        <ReviewBlockerList review={review} />
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          flexWrap="wrap"
          alignItems="center"
        >
          {canSubmit && (
            <Button
              variant="contained"
              disabled={busy}
              onClick={() =>
                act((api, version) => api.submitReview(review.id, { version }))
              }
            >
              Submit for review
            </Button>
          )}
          {editable && (
            <Button
              variant="outlined"
              color="error"
              disabled={busy}
              onClick={() => setCancelling(true)}
            >
              Cancel review
            </Button>
          )}
          <ReviewExportButtons review={review} />
        </Stack>
      </CardFrame>
      {review.sections.map(section => (
        <ReviewSectionPanel
          key={section.id}
          review={review}
          section={section}
          editable={editable}
          busy={busy}
          act={act}
          notice={notice}
          now={now}
        />
      ))}
      <CardFrame title="Timeline">
        <ReviewTimeline review={review} events={events} now={now} />
      </CardFrame>
      <ReviewCommentDialog
        open={cancelling}
        title="Cancel this review"
        description="A cancelled review is closed for good; a new one can be opened for the same stage."
        fieldLabel="Why cancel"
        required
        confirmLabel="Cancel review"
        busy={busy}
        notice={notice}
        onDismissNotice={dismiss}
        onConfirm={comment =>
          act((api, version) =>
            api.cancelReview(review.id, { version, comment }),
          )
        }
        onClose={() => setCancelling(false)}
      />
    </Stack>
  );
}
