import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export interface LabeledValueProps {
  label: string;
  children: ReactNode;
}

/** A small caption above a value, as in Backstage's About card. */
export function LabeledValue(props: LabeledValueProps) {
  return (
    <Box>
      <Typography
        variant="caption"
        component="div"
        color="text.secondary"
        sx={{ textTransform: 'uppercase', letterSpacing: 0.5, fontWeight: 600 }}
      >
        {props.label}
      </Typography>
      <Box sx={{ typography: 'body2' }}>{props.children}</Box>
    </Box>
  );
}
