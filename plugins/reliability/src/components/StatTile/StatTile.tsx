import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';

export interface StatTileProps {
  label: string;
  value: ReactNode;
  /** What the number means, shown on hover. */
  help?: string;
  detail?: ReactNode;
}

/** One headline number with its label. */
export function StatTile(props: StatTileProps) {
  const { label, value, help, detail } = props;
  const body = (
    <Box
      role="group"
      aria-label={label}
      sx={{
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.default',
      }}
    >
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="h6" component="div" sx={{ whiteSpace: 'nowrap' }}>
        {value}
      </Typography>
      {detail && (
        <Typography variant="caption" color="text.secondary" component="div">
          {detail}
        </Typography>
      )}
    </Box>
  );
  return help ? (
    <Tooltip title={help} describeChild>
      {body}
    </Tooltip>
  ) : (
    body
  );
}
