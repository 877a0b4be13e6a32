import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { formatDateTime, formatRelativeTime } from '../../utils';

export interface UncoveredLevelChipProps {
  level: number;
  /** When someone holds the level again; null when nobody is scheduled. */
  until: string | null;
  now: Date;
}

/**
 * An escalation level nobody holds right now: pages reaching it go
 * unanswered until the gap ends.
 */
export function UncoveredLevelChip(props: UncoveredLevelChipProps) {
  const { level, until, now } = props;
  const detail = until
    ? `Nobody holds level ${level} until ${formatDateTime(
        until,
      )} (${formatRelativeTime(until, now)}); pages escalate unanswered.`
    : `Nobody is scheduled for level ${level} in the next 7 days; pages escalate unanswered.`;
  return (
    <Tooltip title={detail} describeChild>
      <Chip
        size="small"
        color="warning"
        icon={<WarningAmberIcon />}
        label={`Nobody on call at level ${level}`}
        tabIndex={0}
      />
    </Tooltip>
  );
}
