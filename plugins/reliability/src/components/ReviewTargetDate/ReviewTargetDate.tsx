import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { formatDay } from '../../utils';
import { Dash } from '../Dash';

export interface ReviewTargetDateProps {
  /** `YYYY-MM-DD`, or null when none was set. */
  targetDate: string | null;
  /** The backend's verdict: past the date and neither approved nor cancelled. */
  overdue: boolean;
}

/** A review's target date, marked "Overdue" in words when it has passed. */
export function ReviewTargetDate(props: ReviewTargetDateProps) {
  const { targetDate, overdue } = props;
  if (!targetDate) {
    return <Dash label="no target date" />;
  }
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Typography
        variant="body2"
        component="time"
        dateTime={targetDate}
        color={overdue ? 'error.main' : 'text.primary'}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {formatDay(targetDate)}
      </Typography>
      {overdue && (
        <Chip
          size="small"
          color="error"
          icon={<EventBusyIcon />}
          label="Overdue"
        />
      )}
    </Stack>
  );
}
