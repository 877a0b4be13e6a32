import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { SourceHealth } from '@preflight/plugin-reliability-common';
import { RelativeTime } from '../RelativeTime';

export interface SloSourcePendingAlertProps {
  /** A metrics source that has never answered successfully. */
  source: SourceHealth;
  now: Date;
}

/**
 * Why a metrics source has given no SLO data yet. When its attempts fail
 * (e.g. ECONNREFUSED) it is unreachable, with the error and when it was
 * last tried, as the on-call card says of PagerDuty; "not read yet" only
 * while nothing has failed, so an outage is never mistaken for a first
 * sync still on its way.
 */
export function SloSourcePendingAlert(props: SloSourcePendingAlertProps) {
  const { source, now } = props;
  if (!source.lastError) {
    return (
      <Alert severity="info">
        Awaiting sync: {source.displayName} has not been read yet. SLOs show
        once it has.
      </Alert>
    );
  }
  return (
    <Alert severity="warning">
      <AlertTitle>{source.displayName} is unreachable</AlertTitle>
      <Typography variant="body2">
        No SLO has been measured from it yet: {source.lastError}
      </Typography>
      {source.lastAttemptAt && (
        <Typography variant="body2">
          Last tried <RelativeTime value={source.lastAttemptAt} now={now} />
          {source.errorSince && (
            <>
              ; failing since{' '}
              <RelativeTime value={source.errorSince} now={now} />
            </>
          )}
          .
        </Typography>
      )}
    </Alert>
  );
}
