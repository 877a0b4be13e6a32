import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip, { ChipProps } from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import {
  ANNOTATION_PAGERDUTY_SERVICE_ID,
  MetadataProblem,
  OnCallState,
} from '@preflight/plugin-reliability-common';

export interface OnCallStateChipProps {
  /** Any state but `ok`, which has people to show instead. */
  state: Exclude<OnCallState, 'ok'>;
  /** What is wrong, for malformed metadata and unknown service ids. */
  problem?: MetadataProblem;
}

const STATES: Record<
  OnCallStateChipProps['state'],
  { label: string; color: ChipProps['color']; explanation: string }
> = {
  'not-configured': {
    label: 'Not configured',
    color: 'default',
    explanation: `No ${ANNOTATION_PAGERDUTY_SERVICE_ID} annotation, so nobody is paged for it through PagerDuty. Add the annotation to its catalog-info.yaml.`,
  },
  malformed: {
    label: 'Malformed annotation',
    color: 'error',
    explanation: `The ${ANNOTATION_PAGERDUTY_SERVICE_ID} annotation is not a valid service id.`,
  },
  'unknown-service': {
    label: 'Unknown service',
    color: 'warning',
    explanation: 'PagerDuty has no service with the annotated id.',
  },
  'awaiting-sync': {
    label: 'Awaiting sync',
    color: 'info',
    explanation:
      'Shown once PagerDuty has synced successfully; syncs run every few minutes.',
  },
};

function problemText(problem: MetadataProblem): ReactNode {
  return (
    <>
      {problem.message}
      {problem.fix && (
        <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
          How to fix: {problem.fix}
        </Box>
      )}
    </>
  );
}

/**
 * Why an entity has no on-call to show, as a small chip; the tooltip (on
 * hover or keyboard focus) says what is wrong and how to fix it.
 */
export function OnCallStateChip(props: OnCallStateChipProps) {
  const { state, problem } = props;
  const { label, color, explanation } = STATES[state];
  return (
    <Tooltip title={problem ? problemText(problem) : explanation} describeChild>
      <Chip
        size="small"
        variant="outlined"
        color={color}
        label={label}
        // Focusable, so keyboard users reach the explanation too.
        tabIndex={0}
      />
    </Tooltip>
  );
}
