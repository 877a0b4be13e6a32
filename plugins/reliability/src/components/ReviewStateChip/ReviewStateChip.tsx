import { ReactElement } from 'react';
import Chip, { ChipProps } from '@mui/material/Chip';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditNoteIcon from '@mui/icons-material/EditNote';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import ReplayIcon from '@mui/icons-material/Replay';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import type { ReviewState } from '@preflight/plugin-reliability-common';
import { reviewStateLabel } from '../../utils';

export interface ReviewStateChipProps {
  state: ReviewState;
  size?: ChipProps['size'];
}

const LOOKS: Record<ReviewState, [ChipProps['color'], ReactElement]> = {
  draft: ['default', <EditNoteIcon />],
  'in-review': ['info', <HourglassTopIcon />],
  'changes-requested': ['warning', <ReplayIcon />],
  approved: ['success', <CheckCircleIcon />],
  drifted: ['error', <WarningAmberIcon />],
  cancelled: ['default', <BlockIcon />],
};

/**
 * A review's state as a chip: the word and an icon carry the meaning, the
 * colour only repeats it.
 */
export function ReviewStateChip(props: ReviewStateChipProps) {
  const { state, size = 'small' } = props;
  const [color, icon] = LOOKS[state] ?? ['default', <EditNoteIcon />];
  return (
    <Chip
      size={size}
      color={color}
      variant={
        state === 'approved' || state === 'drifted' ? 'filled' : 'outlined'
      }
      icon={icon}
      label={reviewStateLabel(state)}
    />
  );
}
