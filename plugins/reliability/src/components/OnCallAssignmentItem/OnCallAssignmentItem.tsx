import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { OnCallAssignment } from '@preflight/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { PersonContact } from '../PersonContact';
import { RelativeTime } from '../RelativeTime';

export interface OnCallAssignmentItemProps {
  assignment: OnCallAssignment;
  now: Date;
}

/**
 * One person holding a level now: how to reach them, through which
 * schedule, and until when (or permanently).
 */
export function OnCallAssignmentItem(props: OnCallAssignmentItemProps) {
  const { assignment, now } = props;
  const permanent = assignment.start === null && assignment.end === null;
  return (
    <Stack spacing={0.5}>
      <PersonContact person={assignment.person} />
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        flexWrap="wrap"
        alignItems="center"
        sx={{ pl: 6, typography: 'body2', color: 'text.secondary' }}
      >
        {assignment.schedule && (
          <Typography variant="body2" component="span">
            via schedule{' '}
            {assignment.schedule.htmlUrl ? (
              <ExternalLink href={assignment.schedule.htmlUrl}>
                {assignment.schedule.name}
              </ExternalLink>
            ) : (
              assignment.schedule.name
            )}
          </Typography>
        )}
        {permanent && (
          <Tooltip
            title="Targeted directly by the escalation policy, so always on call for this level"
            describeChild
          >
            <Chip size="small" label="Permanent on-call" variant="outlined" />
          </Tooltip>
        )}
        {assignment.end && (
          <Typography variant="body2" component="span">
            until{' '}
            <RelativeTime
              value={assignment.end}
              now={now}
              withAbsolute
              absoluteFirst
            />
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
