import Typography from '@mui/material/Typography';

export interface DashProps {
  /** What the dash stands for, for assistive technology, e.g. "no SLO data". */
  label: string;
}

/** A table cell without a value, saying why to screen readers. */
export function Dash(props: DashProps) {
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      component="span"
      aria-label={props.label}
    >
      —
    </Typography>
  );
}
