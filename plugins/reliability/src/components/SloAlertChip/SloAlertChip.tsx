import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { SloStatusView } from '@preflight/plugin-reliability-common';

/** @public */
export interface SloAlertChipProps {
  slo: SloStatusView;
}

interface ChipLook {
  label: string;
  color: 'error' | 'warning' | 'success' | 'info' | 'default';
  help: string;
}

function look(slo: SloStatusView): ChipLook {
  if (slo.state === 'awaiting-sync' && !slo.evaluation) {
    return {
      label: 'Awaiting sync',
      color: 'info',
      help: 'Declared but not measured yet; the next sync measures it.',
    };
  }
  if (slo.state === 'error' && !slo.sourceId) {
    return {
      label: 'Cannot be measured',
      color: 'error',
      help: 'No configured source can measure this SLO as declared; the error below says what to change.',
    };
  }
  if (slo.state === 'error' && !slo.evaluation) {
    return {
      label: 'Measurement failed',
      color: 'error',
      help: 'The SLO could not be measured; see the errors below.',
    };
  }
  switch (slo.evaluation?.alerts.state) {
    case 'page':
      return {
        label: 'Page: burning fast',
        color: 'error',
        help: 'A page-level burn-rate alert is firing: at this rate the budget is gone within days.',
      };
    case 'ticket':
      return {
        label: 'Ticket: burning',
        color: 'warning',
        help: 'A ticket-level burn-rate alert is firing: the budget is being spent faster than it should.',
      };
    case 'unknown':
      return {
        label: 'Unknown: metrics stopped',
        color: 'warning',
        help: 'A long alert window burns over its threshold but the short window has no data: the service stopped reporting, so nothing says it stopped failing.',
      };
    case 'ok':
      return {
        label: 'No alert',
        color: 'success',
        help: 'No burn-rate alert is firing.',
      };
    default:
      return {
        label: 'No data',
        color: 'default',
        help: 'No traffic in the alert windows, so no alert can be judged.',
      };
  }
}

/**
 * The SLO's alert state at a glance: a firing page or ticket alert, no
 * alert, no data, or why it could not be judged.
 * @public
 */
export function SloAlertChip(props: SloAlertChipProps) {
  const { label, color, help } = look(props.slo);
  return (
    <Tooltip title={help} describeChild>
      <Chip
        label={label}
        color={color}
        variant={color === 'default' ? 'outlined' : 'filled'}
        sx={{ fontWeight: 600 }}
      />
    </Tooltip>
  );
}
