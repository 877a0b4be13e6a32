import { FormEvent, useId, useState } from 'react';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  AnswerItemRequest,
  AttestationAnswer,
  AttestationValue,
  EvidenceLink,
  REVIEW_LIMITS,
  ReviewItem,
} from '@preflight/plugin-reliability-common';
import { attestationValueLabel } from '../../utils';

export interface AttestationAnswerFormProps {
  /** An `attestation` item. */
  item: ReviewItem;
  /** The current answer, to start from when changing it. */
  answer?: AttestationAnswer | null;
  busy: boolean;
  /** Resolves true when the answer was saved. */
  onSubmit(answer: Omit<AnswerItemRequest, 'version'>): Promise<boolean>;
  onCancel?(): void;
}

const VALUES: AttestationValue[] = ['yes', 'no', 'not-applicable'];

function evidenceText(links: EvidenceLink[] = []): string {
  return links
    .map(link => (link.title ? `${link.url} ${link.title}` : link.url))
    .join('\n');
}

/**
 * Reads the evidence field: one link per line, a URL optionally followed
 * by a title. Returns the links, or why a line is not acceptable.
 */
export function parseEvidence(
  text: string,
): { links: EvidenceLink[] } | { error: string } {
  const links: EvidenceLink[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].trim();
    if (!line) {
      continue;
    }
    const [url, ...rest] = line.split(/\s+/);
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      protocol = '';
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      return {
        error: `Line ${index + 1}: "${url}" is not an http(s) link`,
      };
    }
    if (url.length > REVIEW_LIMITS.urlChars) {
      return {
        error: `Line ${index + 1}: the link is longer than ${
          REVIEW_LIMITS.urlChars
        } characters`,
      };
    }
    const title = rest.join(' ').slice(0, REVIEW_LIMITS.titleChars);
    links.push(title ? { url, title } : { url });
  }
  if (links.length > REVIEW_LIMITS.evidenceLinks) {
    return { error: `At most ${REVIEW_LIMITS.evidenceLinks} links` };
  }
  return { links };
}

/**
 * Answers an attestation: yes / no / not applicable, the reason that `no`
 * and not-applicable need, evidence links and a note.
 */
export function AttestationAnswerForm(props: AttestationAnswerFormProps) {
  const { item, answer, busy, onSubmit, onCancel } = props;
  const legendId = useId();
  const [value, setValue] = useState<AttestationValue | ''>(
    answer?.value ?? '',
  );
  const [reason, setReason] = useState(answer?.reason ?? '');
  const [evidence, setEvidence] = useState(evidenceText(answer?.evidence));
  const [note, setNote] = useState(answer?.note ?? '');
  const [submitted, setSubmitted] = useState(false);

  const needsReason = value === 'no' || value === 'not-applicable';
  const parsed = parseEvidence(evidence);
  const evidenceError = 'error' in parsed ? parsed.error : undefined;
  const links = 'links' in parsed ? parsed.links : [];
  const evidenceMissing =
    item.evidence === 'required' && value === 'yes' && links.length === 0;
  const problems = {
    value: value === '' ? 'Choose an answer' : undefined,
    reason:
      needsReason && reason.trim() === ''
        ? `A reason is required when answering ${attestationValueLabel(
            value as AttestationValue,
          ).toLocaleLowerCase('en-US')}`
        : undefined,
    evidence:
      evidenceError ??
      (evidenceMissing
        ? 'This question needs at least one evidence link'
        : undefined),
  };
  const invalid = Object.values(problems).some(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (invalid || value === '') {
      return;
    }
    const saved = await onSubmit({
      value,
      reason: reason.trim() || undefined,
      evidence: links,
      note: note.trim() || undefined,
    });
    if (saved) {
      setSubmitted(false);
    }
  };

  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={submit}
      aria-label={`Answer “${item.title}”`}
      noValidate
    >
      <FormControl error={submitted && !!problems.value}>
        <FormLabel id={legendId}>Answer</FormLabel>
        <RadioGroup
          row
          aria-labelledby={legendId}
          value={value}
          onChange={event => setValue(event.target.value as AttestationValue)}
        >
          {VALUES.map(option => (
            <FormControlLabel
              key={option}
              value={option}
              control={<Radio size="small" />}
              label={attestationValueLabel(option)}
            />
          ))}
        </RadioGroup>
        {submitted && problems.value && (
          <FormHelperText>{problems.value}</FormHelperText>
        )}
      </FormControl>
      {needsReason && (
        <TextField
          size="small"
          label="Reason"
          required
          multiline
          minRows={2}
          value={reason}
          onChange={event => setReason(event.target.value)}
          error={submitted && !!problems.reason}
          helperText={
            (submitted && problems.reason) ||
            'Why, for the reviewers and the record'
          }
          inputProps={{ maxLength: REVIEW_LIMITS.reasonChars }}
        />
      )}
      {item.evidence !== 'none' && (
        <TextField
          size="small"
          label={
            item.evidence === 'required'
              ? 'Evidence links (required for yes)'
              : 'Evidence links'
          }
          multiline
          minRows={2}
          value={evidence}
          onChange={event => setEvidence(event.target.value)}
          error={(submitted || !!evidenceError) && !!problems.evidence}
          helperText={
            ((submitted || !!evidenceError) && problems.evidence) ||
            'One http(s) link per line, optionally followed by a title'
          }
        />
      )}
      <TextField
        size="small"
        label="Note"
        multiline
        minRows={1}
        value={note}
        onChange={event => setNote(event.target.value)}
        inputProps={{ maxLength: REVIEW_LIMITS.noteChars }}
      />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" size="small" disabled={busy}>
          Save answer
        </Button>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
