import Alert from '@mui/material/Alert';
import type { SourceHealth } from '@preflight/plugin-reliability-common';
import { formatDateTime, formatRelativeTime } from '../../utils';

export interface StaleWarningProps {
  source: SourceHealth;
  now: Date;
}

/**
 * Says that a source could not be read and that the card shows what was
 * last known, so nobody pages last week's on-call without knowing it.
 */
export function StaleWarning(props: StaleWarningProps) {
  const { source, now } = props;
  const since = source.errorSince ?? source.lastSuccessAt;
  return (
    <Alert severity="warning">
      {source.displayName} data is stale
      {since && (
        <>
          {' since '}
          <time dateTime={since}>
            {formatDateTime(since)} ({formatRelativeTime(since, now)})
          </time>
        </>
      )}
      {'; '}
      {source.lastError
        ? `last error: ${source.lastError}`
        : 'no successful sync recently'}
      {'; '}
      {source.lastSuccessAt
        ? 'showing last-known data.'
        : 'no data to show yet.'}
    </Alert>
  );
}
