import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type {
  SloStatusView,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { sloHealth } from '../../utils/sloHealth';

export interface SloAlertChipProps {
  slo: SloStatusView;
  /** Health of the metrics sources, so a stale source shows as stale. */
  sources?: SourceHealth[];
}

/**
 * The SLO's one status at a glance (see `sloHealth`): budget exhausted, a
 * firing page or ticket alert, stale figures, within budget, no data, or
 * why it could not be judged. The tooltip gives every reason.
 */
export function SloAlertChip(props: SloAlertChipProps) {
  const { label, severity, reasons } = sloHealth(props.slo, props.sources);
  return (
    <Tooltip title={reasons.join(' ')} describeChild>
      <Chip
        label={label}
        color={severity}
        variant={severity === 'default' ? 'outlined' : 'filled'}
        sx={{ fontWeight: 600 }}
      />
    </Tooltip>
  );
}
