import Alert, { AlertColor } from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { MetadataProblem } from '@preflight/plugin-reliability-common';

export interface MetadataProblemAlertProps {
  problem: MetadataProblem;
  severity?: AlertColor;
}

/**
 * A problem with the entity's own metadata: which field, what is wrong,
 * and how to fix it in `catalog-info.yaml`.
 */
export function MetadataProblemAlert(props: MetadataProblemAlertProps) {
  const { problem, severity = 'error' } = props;
  return (
    <Alert severity={severity}>
      <AlertTitle>
        Problem in{' '}
        <Box
          component="code"
          sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
        >
          {problem.field}
        </Box>
      </AlertTitle>
      <Typography variant="body2">{problem.message}</Typography>
      {problem.fix && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>How to fix:</strong> {problem.fix}
        </Typography>
      )}
    </Alert>
  );
}
