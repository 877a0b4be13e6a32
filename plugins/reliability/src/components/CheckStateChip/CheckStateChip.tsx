import Chip, { ChipProps } from '@mui/material/Chip';
import type { ScorecardCheckResult } from '@preflight/plugin-reliability-common';

export interface CheckStateChipProps {
  check: Pick<ScorecardCheckResult, 'state' | 'exemption' | 'passing'>;
}

function describe(
  check: CheckStateChipProps['check'],
): [string, ChipProps['color'], ChipProps['variant']] {
  if (check.exemption && !check.exemption.expired && check.passing) {
    return ['Exempt', 'info', 'outlined'];
  }
  switch (check.state) {
    case 'pass':
      return ['Pass', 'success', 'outlined'];
    case 'warning':
      return ['Warning', 'warning', 'filled'];
    case 'fail':
      return ['Fail', 'error', 'filled'];
    case 'error':
      // The check could not tell: facts missing or stale.
      return ['Error', 'error', 'outlined'];
    default:
      return ['N/A', 'default', 'outlined'];
  }
}

/** A check's outcome as a small coloured chip. */
export function CheckStateChip(props: CheckStateChipProps) {
  const [label, color, variant] = describe(props.check);
  return (
    <Chip
      size="small"
      label={label}
      color={color}
      variant={variant}
      sx={{ minWidth: 64 }}
    />
  );
}
