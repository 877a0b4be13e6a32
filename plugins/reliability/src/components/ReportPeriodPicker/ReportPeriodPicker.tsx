import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { shiftMonth } from '../../utils';

export interface ReportPeriodPickerProps {
  /** The month shown, `YYYY-MM`. */
  month: string;
  onChange(month: string): void;
  /** The last month that may be chosen (the last whole month). */
  max: string;
  /** The first month with data, when known. */
  min?: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Picks the report's month: previous and next buttons, and a month field
 * to jump. Months after `max` (not over yet) and before `min` (no data)
 * cannot be chosen.
 */
export function ReportPeriodPicker(props: ReportPeriodPickerProps) {
  const { month, onChange, max, min } = props;
  // `YYYY-MM` strings compare in calendar order.
  const canGoBack = min === undefined || month > min;
  const canGoForward = month < max;
  return (
    <Stack direction="row" spacing={1} alignItems="center">
      <Tooltip title="Previous month">
        <span>
          <IconButton
            aria-label="Previous month"
            disabled={!canGoBack}
            onClick={() => onChange(shiftMonth(month, -1))}
          >
            <ChevronLeftIcon />
          </IconButton>
        </span>
      </Tooltip>
      <TextField
        type="month"
        label="Month"
        size="small"
        value={month}
        inputProps={{ min, max }}
        InputLabelProps={{ shrink: true }}
        onChange={event => {
          const next = event.target.value;
          // Browsers without a month picker let people type; ignore a
          // half-typed or out-of-range value instead of asking for it.
          if (
            MONTH.test(next) &&
            next <= max &&
            (min === undefined || next >= min)
          ) {
            onChange(next);
          }
        }}
      />
      <Tooltip title="Next month">
        <span>
          <IconButton
            aria-label="Next month"
            disabled={!canGoForward}
            onClick={() => onChange(shiftMonth(month, 1))}
          >
            <ChevronRightIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
}
