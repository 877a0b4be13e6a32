import Typography from '@mui/material/Typography';
import type { ResolvedEscalationLevel } from '@preflight/plugin-reliability-common';
import { RelativeTime } from '../RelativeTime';

export interface NextHandoffLineProps {
  nextHandoff: NonNullable<ResolvedEscalationLevel['nextHandoff']>;
  now: Date;
}

/** Who takes the level over next, and when. */
export function NextHandoffLine(props: NextHandoffLineProps) {
  const { nextHandoff, now } = props;
  const who =
    nextHandoff.onCall.length > 0
      ? nextHandoff.onCall.map(assignment => assignment.person.name).join(', ')
      : 'nobody (a gap begins)';
  return (
    <Typography variant="body2" color="text.secondary">
      Next handoff: <strong>{who}</strong>{' '}
      <RelativeTime value={nextHandoff.at} now={now} withAbsolute />
    </Typography>
  );
}
