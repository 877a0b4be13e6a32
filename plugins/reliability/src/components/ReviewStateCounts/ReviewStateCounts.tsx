import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import type {
  ReviewListResponse,
  ReviewState,
} from '@preflight/plugin-reliability-common';
import { REVIEW_STATES, reviewStateLabel } from '../../utils';

export interface ReviewStateCountsProps {
  counts: ReviewListResponse['countsByState'];
  /** The states the board is narrowed to; none: every state. */
  selected: ReviewState[];
  onChange(states: ReviewState[]): void;
}

/**
 * How many reviews are in each state (under the other filters), as toggle
 * buttons that narrow the board to the states pressed.
 */
export function ReviewStateCounts(props: ReviewStateCountsProps) {
  const { counts, selected, onChange } = props;
  return (
    <ToggleButtonGroup
      size="small"
      value={selected}
      onChange={(_event, next: ReviewState[]) => onChange(next)}
      aria-label="Filter by state"
      sx={{ flexWrap: 'wrap' }}
    >
      {REVIEW_STATES.map(state => (
        <ToggleButton
          key={state}
          value={state}
          sx={{ textTransform: 'none', px: 1.5 }}
        >
          {reviewStateLabel(state)}: {counts[state] ?? 0}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
