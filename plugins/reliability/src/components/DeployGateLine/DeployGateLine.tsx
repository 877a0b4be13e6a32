import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { DeployGateResponse } from '@preflight/plugin-reliability-common';
import type { RequestState } from '../../hooks/useEntitySlos';

/** @public */
export interface DeployGateLineProps {
  gate: RequestState<DeployGateResponse>;
}

/**
 * The release gate in one line: "Deploys allowed", or "Deploys blocked"
 * with each reason (an exhausted budget, a firing page alert). SLOs the
 * gate could not judge are listed, since they do not block.
 * @public
 */
export function DeployGateLine(props: DeployGateLineProps) {
  const { gate } = props;
  const response = gate.value;
  if (!response) {
    if (gate.error) {
      return (
        <Alert severity="warning" role="status">
          Deploy gate unavailable: {gate.error.message}
        </Alert>
      );
    }
    return (
      <Typography variant="body2" color="text.secondary" role="status">
        Checking the deploy gate…
      </Typography>
    );
  }
  const unknown = response.unknown.length > 0 && (
    <Typography variant="caption" component="div">
      Not judged: {response.unknown.map(item => item.message).join('; ')}
    </Typography>
  );
  if (response.allowed) {
    return (
      <Alert severity="success" role="status">
        Deploys allowed
        {unknown}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="status">
      Deploys blocked:{' '}
      {response.reasons.map(reason => reason.message).join('; ') ||
        'the error-budget policy says no'}
      {unknown}
    </Alert>
  );
}
