import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export interface GlanceTileProps {
  /** What the tile answers, e.g. "On call now (level 1)". */
  label: string;
  /** How fresh the figure is (an as-of chip). */
  freshness?: ReactNode;
  children: ReactNode;
}

/**
 * One answer of the glance card: a label, the answer, and how fresh it is.
 * A `group` named by its label, so assistive technology reads each answer
 * with its question.
 */
export function GlanceTile(props: GlanceTileProps) {
  const { label, freshness, children } = props;
  return (
    <Box
      role="group"
      aria-label={label}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        p: 1.5,
        minWidth: 0,
        display: 'flex',
        flexDirection: 'column',
        gap: 1,
      }}
    >
      <Typography
        variant="overline"
        component="h3"
        color="text.secondary"
        sx={{ lineHeight: 1.4 }}
      >
        {label}
      </Typography>
      <Box sx={{ flex: 1, minWidth: 0 }}>{children}</Box>
      {freshness && (
        <Stack direction="row" spacing={1} alignItems="center">
          {freshness}
        </Stack>
      )}
    </Box>
  );
}
