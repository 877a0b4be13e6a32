import { ReactNode, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  AttestationAnswer,
  ReviewItem,
} from '@preflight/plugin-reliability-common';
import type { ReviewActor } from '../../hooks/useReviewActor';
import {
  attestationValueLabel,
  entityRefName,
  formatDateTime,
} from '../../utils';
import { AttestationAnswerForm } from '../AttestationAnswerForm';
import { ExternalLink } from '../ExternalLink';
import { RelativeTime } from '../RelativeTime';
import { ReviewItemHeader } from '../ReviewItemHeader';

export interface ReviewAttestationItemProps {
  reviewId: string;
  /** An `attestation` item. */
  item: ReviewItem;
  /** Answers may change in this review state. */
  editable: boolean;
  busy: boolean;
  act: ReviewActor;
  now: Date;
  /** Buttons for the item (waive). */
  actions?: ReactNode;
}

function Expiry(props: { answer: AttestationAnswer; now: Date }) {
  const { answer, now } = props;
  if (!answer.expiresAt) {
    return null;
  }
  const expired = Date.parse(answer.expiresAt) <= now.getTime();
  return (
    <Typography
      variant="body2"
      color={expired ? 'error.main' : 'text.secondary'}
    >
      {expired ? 'Expired ' : 'Expires '}
      <RelativeTime value={answer.expiresAt} now={now} withAbsolute />
      {expired && ': re-affirm it if it is still true.'}
    </Typography>
  );
}

function AnswerSummary(props: { answer: AttestationAnswer; now: Date }) {
  const { answer, now } = props;
  return (
    <Stack spacing={0.5} sx={{ mt: 1 }}>
      <Typography variant="body2">
        <strong>Answer: {attestationValueLabel(answer.value)}</strong>
        {answer.reason && ` — ${answer.reason}`}
      </Typography>
      {answer.evidence.length > 0 && (
        <Box component="ul" aria-label="Evidence" sx={{ m: 0, pl: 2.5 }}>
          {answer.evidence.map(link => (
            <li key={link.url}>
              <ExternalLink href={link.url}>
                {link.title ?? link.url}
              </ExternalLink>
            </li>
          ))}
        </Box>
      )}
      {answer.note && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ whiteSpace: 'pre-wrap' }}
        >
          Note: {answer.note}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        Answered by {entityRefName(answer.answeredBy)} on{' '}
        <time dateTime={answer.answeredAt}>
          {formatDateTime(answer.answeredAt)}
        </time>
      </Typography>
      <Expiry answer={answer} now={now} />
    </Stack>
  );
}

/**
 * A question a person answers: the current answer with its reason,
 * evidence, note, who answered and when it expires; a form to answer or
 * change it and a button to re-affirm an answer that expires.
 */
export function ReviewAttestationItem(props: ReviewAttestationItemProps) {
  const { reviewId, item, editable, busy, act, now, actions } = props;
  const [editing, setEditing] = useState(false);
  const answer = item.answer ?? null;
  const showForm = editable && (!answer || editing);
  const canReaffirm =
    editable && !editing && answer?.value === 'yes' && !!answer.expiresAt;

  return (
    <Box
      role="listitem"
      aria-label={item.title}
      sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }}
    >
      <ReviewItemHeader item={item} actions={actions} />
      {answer && <AnswerSummary answer={answer} now={now} />}
      {!answer && !editable && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Not answered.
        </Typography>
      )}
      {(canReaffirm || (editable && answer && !editing)) && (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          {answer && !editing && editable && (
            <Button
              size="small"
              variant="outlined"
              onClick={() => setEditing(true)}
            >
              Change answer
            </Button>
          )}
          {canReaffirm && (
            <Button
              size="small"
              variant="outlined"
              disabled={busy}
              onClick={() =>
                act((api, version) =>
                  api.reaffirmReviewItem(reviewId, item.id, { version }),
                )
              }
            >
              Re-affirm
            </Button>
          )}
        </Stack>
      )}
      {showForm && (
        <Box sx={{ mt: 1.5 }}>
          <AttestationAnswerForm
            item={item}
            answer={answer}
            busy={busy}
            onSubmit={async request => {
              const saved = await act((api, version) =>
                api.answerReviewItem(reviewId, item.id, {
                  ...request,
                  version,
                }),
              );
              if (saved) {
                setEditing(false);
              }
              return saved;
            }}
            onCancel={answer ? () => setEditing(false) : undefined}
          />
        </Box>
      )}
    </Box>
  );
}
