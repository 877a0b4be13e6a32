import { useEffect, useId, useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { REVIEW_LIMITS } from '@preflight/plugin-reliability-common';
import type { ReviewActionNotice as Notice } from '../../hooks/useReviewActor';
import { ReviewActionNotice } from '../ReviewActionNotice';

export interface ReviewCommentDialogProps {
  open: boolean;
  title: string;
  /** What the action does, in one or two sentences. */
  description?: string;
  /** Label of the text field, e.g. "Comment" or "Reason". */
  fieldLabel: string;
  /** The action cannot go without text. */
  required: boolean;
  confirmLabel: string;
  busy?: boolean;
  /**
   * Why the last action was refused; shown in the dialog after a confirm,
   * since the dialog covers the page where it is shown otherwise.
   */
  notice?: Notice;
  onDismissNotice?(): void;
  /** Resolves true when the action went through (the dialog then closes). */
  onConfirm(text: string): Promise<boolean>;
  onClose(): void;
}

/**
 * Asks for the comment or reason an action carries (sign-off, request
 * changes, waive, cancel) before performing it.
 */
export function ReviewCommentDialog(props: ReviewCommentDialogProps) {
  const {
    open,
    title,
    description,
    fieldLabel,
    required,
    confirmLabel,
    busy,
    notice,
    onDismissNotice,
    onConfirm,
    onClose,
  } = props;
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const titleId = useId();
  useEffect(() => {
    if (open) {
      setText('');
      setTouched(false);
      setConfirmed(false);
    }
  }, [open]);
  const missing = required && text.trim() === '';

  const confirm = async () => {
    setTouched(true);
    if (missing) {
      return;
    }
    setConfirmed(true);
    if (await onConfirm(text.trim())) {
      onClose();
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        {confirmed && notice && (
          <ReviewActionNotice notice={notice} onClose={onDismissNotice} />
        )}
        {description && (
          <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
        )}
        <TextField
          fullWidth
          multiline
          minRows={3}
          label={fieldLabel}
          required={required}
          value={text}
          onChange={event => setText(event.target.value)}
          error={touched && missing}
          helperText={
            touched && missing
              ? `${fieldLabel} is required`
              : `${text.length} / ${REVIEW_LIMITS.commentChars}`
          }
          inputProps={{ maxLength: REVIEW_LIMITS.commentChars }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
