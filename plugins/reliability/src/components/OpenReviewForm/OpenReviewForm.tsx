import { FormEvent, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import type {
  ApplicableReviewTemplate,
  ReviewResponse,
} from '@preflight/plugin-reliability-common';
import { isReviewConflictError, reliabilityApiRef } from '../../api';
import { isResponseError } from '../../utils';

export interface OpenReviewFormProps {
  entityRef: string;
  /** Templates that apply to the entity, with the stages still openable. */
  templates: ApplicableReviewTemplate[];
  /** The review that was opened, or the open one that already existed. */
  onOpened(reviewId: string, response?: ReviewResponse): void;
}

/**
 * Opens a readiness review of the entity for a template and stage, with
 * an optional target date; the viewer becomes its DRI.
 */
export function OpenReviewForm(props: OpenReviewFormProps) {
  const { entityRef, templates, onOpened } = props;
  const api = useApi(reliabilityApiRef);
  const openable = templates.filter(t => t.openableStages.length > 0);
  const [templateId, setTemplateId] = useState(openable[0]?.templateId ?? '');
  const template = openable.find(t => t.templateId === templateId);
  const [stage, setStage] = useState(openable[0]?.openableStages[0] ?? '');
  const [targetDate, setTargetDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [existing, setExisting] = useState<string>();

  if (openable.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {templates.length === 0
          ? 'No review template applies to this entity.'
          : 'Every stage of the templates that apply already has an open review.'}
      </Typography>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setExisting(undefined);
    try {
      const response = await api.createReview(entityRef, {
        templateId,
        stage,
        targetDate: targetDate || undefined,
      });
      onOpened(response.review.id, response);
    } catch (e) {
      if (isReviewConflictError(e)) {
        // Someone opened this stage meanwhile: show theirs, and say so.
        setExisting(e.message);
        onOpened(e.review.id);
      } else if (isResponseError(e)) {
        setError(e.cause.message);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={submit}
      aria-label="Open a review"
    >
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        flexWrap="wrap"
        alignItems="center"
      >
        <TextField
          select
          size="small"
          label="Template"
          value={templateId}
          onChange={event => {
            const next = openable.find(
              t => t.templateId === event.target.value,
            );
            setTemplateId(event.target.value);
            setStage(next?.openableStages[0] ?? '');
          }}
          sx={{ minWidth: 220 }}
        >
          {openable.map(t => (
            <MenuItem key={t.templateId} value={t.templateId}>
              {t.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Stage"
          value={stage}
          onChange={event => setStage(event.target.value)}
          sx={{ minWidth: 120 }}
        >
          {(template?.openableStages ?? []).map(s => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="date"
          label="Target date (optional)"
          value={targetDate}
          onChange={event => setTargetDate(event.target.value)}
          InputLabelProps={{ shrink: true }}
        />
        <Button type="submit" variant="contained" disabled={busy || !stage}>
          Open review
        </Button>
      </Stack>
      {existing && (
        <Alert severity="info" onClose={() => setExisting(undefined)}>
          {existing}. Showing that review instead.
        </Alert>
      )}
      {error && (
        <Alert
          severity="error"
          role="alert"
          onClose={() => setError(undefined)}
        >
          Could not open the review: {error}
        </Alert>
      )}
    </Stack>
  );
}
