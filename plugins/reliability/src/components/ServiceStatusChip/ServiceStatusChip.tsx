import Chip, { ChipProps } from '@mui/material/Chip';

export interface ServiceStatusChipProps {
  /** PagerDuty service status: active, warning, critical, maintenance, disabled. */
  status: string;
}

const COLORS: Record<string, ChipProps['color']> = {
  active: 'success',
  warning: 'warning',
  critical: 'error',
  maintenance: 'info',
  disabled: 'default',
};

/** The status of a PagerDuty service, coloured by how worrying it is. */
export function ServiceStatusChip(props: ServiceStatusChipProps) {
  const { status } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[status] ?? 'default'}
      label={status}
    />
  );
}
