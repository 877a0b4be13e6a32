import { ReactElement } from 'react';
import Chip, { ChipProps } from '@mui/material/Chip';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import ScheduleIcon from '@mui/icons-material/Schedule';
import type { ReviewItemStatus } from '@preflight/plugin-reliability-common';
import { reviewItemStatusLabel } from '../../utils';

export interface ReviewItemStatusChipProps {
  status: ReviewItemStatus;
}

const LOOKS: Record<ReviewItemStatus, [ChipProps['color'], ReactElement]> = {
  passing: ['success', <CheckIcon />],
  failing: ['error', <CloseIcon />],
  unanswered: ['default', <HelpOutlineIcon />],
  expired: ['warning', <ScheduleIcon />],
  waived: ['info', <RemoveCircleOutlineIcon />],
};

/** What a review item amounts to now, as a labelled chip. */
export function ReviewItemStatusChip(props: ReviewItemStatusChipProps) {
  const [color, icon] = LOOKS[props.status] ?? ['default', <HelpOutlineIcon />];
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      icon={icon}
      label={reviewItemStatusLabel(props.status)}
      sx={{ minWidth: 96, justifyContent: 'flex-start' }}
    />
  );
}
