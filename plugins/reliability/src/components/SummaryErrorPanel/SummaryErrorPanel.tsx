import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { isResponseError } from '../../utils';

export interface SummaryErrorPanelProps {
  error: Error;
  entityRef: string;
  onRetry(): void;
}

/**
 * A failed summary request, in MUI v5: a 404 says the entity is not known
 * (yet); anything else shows the backend's error name, message and status.
 */
export function SummaryErrorPanel(props: SummaryErrorPanelProps) {
  const { error, entityRef, onRetry } = props;
  const retry = (
    <Button color="inherit" size="small" onClick={onRetry}>
      Retry
    </Button>
  );
  if (isResponseError(error) && error.statusCode === 404) {
    return (
      <Alert severity="info" action={retry}>
        <AlertTitle>Entity not found</AlertTitle>
        <Typography variant="body2">
          The reliability backend does not know <code>{entityRef}</code>. If it
          was registered just now, the catalog may not have processed it yet;
          retry in a minute.
        </Typography>
      </Alert>
    );
  }
  const cause = isResponseError(error) ? error.cause : error;
  return (
    <Alert severity="error" action={retry}>
      <AlertTitle>Could not load reliability data</AlertTitle>
      <Typography variant="body2">
        {cause.name && cause.name !== 'Error' ? `${cause.name}: ` : ''}
        {cause.message}
      </Typography>
      {isResponseError(error) && (
        <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
          HTTP {error.statusCode} {error.statusText}
        </Typography>
      )}
    </Alert>
  );
}
