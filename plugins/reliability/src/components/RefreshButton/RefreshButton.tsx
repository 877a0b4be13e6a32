import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import RefreshIcon from '@mui/icons-material/Refresh';

export interface RefreshButtonProps {
  refreshing: boolean;
  onRefresh(): void;
}

/** Asks the backend to re-read this entity from PagerDuty now. */
export function RefreshButton(props: RefreshButtonProps) {
  const { refreshing, onRefresh } = props;
  return (
    <Tooltip title="Read this entity from its sources now" describeChild>
      <span>
        <Button
          size="small"
          variant="outlined"
          onClick={onRefresh}
          disabled={refreshing}
          startIcon={
            refreshing ? (
              <CircularProgress size={14} color="inherit" aria-hidden />
            ) : (
              <RefreshIcon />
            )
          }
        >
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </span>
    </Tooltip>
  );
}
