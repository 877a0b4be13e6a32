import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { DeployGateResponse } from '@preflight/plugin-reliability-common';
import type { RequestState } from '../../hooks/useKeyedRequest';
import { deployGateVerdict } from './deployGateVerdict';

export interface DeployGateLineProps {
  gate: RequestState<DeployGateResponse>;
}

/**
 * The release gate in one line: "Deploys allowed"; "Deploys blocked" with
 * each reason (an exhausted budget, a firing page alert); or that the gate
 * cannot judge (data missing or stale, source unreachable) with why and
 * whether deploys are held or let through. Notes that do not change the
 * decision (SLOs without traffic) follow.
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
  const verdict = deployGateVerdict(response);
  return (
    <Alert severity={verdict.severity} role="status">
      {verdict.headline}
      {verdict.detail && `: ${verdict.detail}`}
      {response.unknown.length > 0 && (
        <Typography variant="caption" component="div">
          Not judged: {response.unknown.map(item => item.message).join('; ')}
        </Typography>
      )}
    </Alert>
  );
}
