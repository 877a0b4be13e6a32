import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { ResolvedEscalationLevel } from '@preflight/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { RelativeTime } from '../RelativeTime';

export interface NobodyOnCallAlertProps {
  level: ResolvedEscalationLevel;
  now: Date;
}

/** When the current gap ends: the gap covering now, else the next handoff. */
function gapEnd(level: ResolvedEscalationLevel, now: Date): string | undefined {
  const nowMs = now.getTime();
  const current = level.gaps.find(
    gap => Date.parse(gap.start) <= nowMs && nowMs < Date.parse(gap.end),
  );
  if (current) {
    return current.end;
  }
  if (level.nextHandoff && level.nextHandoff.onCall.length > 0) {
    return level.nextHandoff.at;
  }
  return undefined;
}

/**
 * An escalation level that nobody holds right now (a schedule gap): pages
 * at this level go unanswered until the gap ends.
 */
export function NobodyOnCallAlert(props: NobodyOnCallAlertProps) {
  const { level, now } = props;
  const end = gapEnd(level, now);
  const schedules = level.targets.filter(target => target.type === 'schedule');
  return (
    <Alert severity="warning">
      <AlertTitle>Nobody is on call</AlertTitle>
      <Typography variant="body2">
        {end ? (
          <>
            The gap ends <RelativeTime value={end} now={now} withAbsolute />.
          </>
        ) : (
          'Nobody is scheduled for this level in the next 7 days.'
        )}{' '}
        Pages at this level escalate without an answer until then.
      </Typography>
      {schedules.length > 0 && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Schedule{schedules.length > 1 ? 's' : ''}:{' '}
          {schedules.map((schedule, index) => (
            <span key={schedule.id}>
              {index > 0 && ', '}
              {schedule.htmlUrl ? (
                <ExternalLink href={schedule.htmlUrl}>
                  {schedule.name}
                </ExternalLink>
              ) : (
                schedule.name
              )}
            </span>
          ))}
        </Typography>
      )}
    </Alert>
  );
}
