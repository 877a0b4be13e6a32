import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { EntityScorecard } from '@preflight/plugin-reliability-common';
import { formatRelativeTime } from '../../utils';

export interface ScorecardStaleAlertProps {
  scorecard: EntityScorecard;
  /** The rubric version in force now. */
  rubricVersion: string;
  now: Date;
}

/**
 * Why a stored scorecard may not be true any more: facts from a source that
 * stopped syncing, or a rubric changed since it was evaluated.
 */
export function ScorecardStaleAlert(props: ScorecardStaleAlertProps) {
  const { scorecard, rubricVersion, now } = props;
  const staleSources = scorecard.sources.filter(source => source.stale);
  const oldRubric = scorecard.rubricVersion !== rubricVersion;
  return (
    <Alert severity="warning">
      <AlertTitle>This scorecard may be out of date</AlertTitle>
      {staleSources.map(source => (
        <Typography variant="body2" key={source.sourceId}>
          Facts from <code>{source.sourceId}</code> are stale (
          {source.asOf
            ? `last synced ${formatRelativeTime(source.asOf, now)}`
            : 'never synced'}
          ); checks that need them show as errors until it syncs again.
        </Typography>
      ))}
      {oldRubric && (
        <Typography variant="body2">
          The rubric changed since this entity was evaluated; the next
          evaluation run applies the new one.
        </Typography>
      )}
      {staleSources.length === 0 && !oldRubric && (
        <Typography variant="body2">
          Some facts behind it were stale when it was evaluated.
        </Typography>
      )}
    </Alert>
  );
}
