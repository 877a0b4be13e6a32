import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { formatRelativeTime } from '../../utils';

export interface AsOfChipProps {
  /** ISO-8601 instant the data is from; null when there is none yet. */
  asOf: string | null;
  now: Date;
  /** Word before the relative time, "as of" by default. */
  prefix?: string;
  /** Shown when `asOf` is null. */
  missingLabel?: string;
  /** Explains the instant on hover. */
  detail: string;
  /** Turns the chip to a warning colour. */
  stale?: boolean;
}

/**
 * "as of 3m ago": how old the data on a card is, in a warning colour when
 * it is stale.
 */
export function AsOfChip(props: AsOfChipProps) {
  const {
    asOf,
    now,
    prefix = 'as of',
    missingLabel = 'not synced yet',
    detail,
    stale,
  } = props;
  // A backend clock slightly ahead of the browser's must not read "as of in 5s".
  const shown = asOf && Date.parse(asOf) > now.getTime() ? now : asOf;
  return (
    <Tooltip title={detail} describeChild>
      <Chip
        size="small"
        variant="outlined"
        icon={<ScheduleIcon />}
        color={stale ? 'warning' : 'default'}
        label={
          shown ? `${prefix} ${formatRelativeTime(shown, now)}` : missingLabel
        }
      />
    </Tooltip>
  );
}
