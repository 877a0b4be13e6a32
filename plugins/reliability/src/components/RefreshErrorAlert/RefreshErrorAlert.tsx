import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { reliabilityEntityRefreshPermission } from '@preflight/plugin-reliability-common';
import {
  formatDuration,
  isResponseError,
  retryAfterSeconds,
} from '../../utils';

export interface RefreshErrorAlertProps {
  error: Error;
  now: Date;
  onClose(): void;
}

/**
 * Why "Refresh" did not work, in terms a user can act on: not allowed,
 * rate limited (and for how long), or the backend's own message.
 */
export function RefreshErrorAlert(props: RefreshErrorAlertProps) {
  const { error, now, onClose } = props;
  if (isResponseError(error) && error.statusCode === 403) {
    return (
      <Alert severity="warning" onClose={onClose}>
        <AlertTitle>Permission denied</AlertTitle>
        You are not allowed to refresh this entity. Ask its owners or a
        Backstage admin for the{' '}
        <code>{reliabilityEntityRefreshPermission.name}</code> permission. The
        data shown is still the latest sync.
      </Alert>
    );
  }
  if (isResponseError(error) && error.statusCode === 429) {
    const wait = retryAfterSeconds(
      error.response.headers.get('Retry-After'),
      now,
    );
    return (
      <Alert severity="info" onClose={onClose}>
        <AlertTitle>Rate limited</AlertTitle>
        This entity was refreshed very recently.{' '}
        {wait !== undefined
          ? `Try again in ${formatDuration(wait)}.`
          : 'Try again in a minute.'}{' '}
        The data shown is still the latest sync.
      </Alert>
    );
  }
  const cause = isResponseError(error) ? error.cause : error;
  return (
    <Alert severity="error" onClose={onClose}>
      <AlertTitle>Refresh failed</AlertTitle>
      {cause.message}
    </Alert>
  );
}
