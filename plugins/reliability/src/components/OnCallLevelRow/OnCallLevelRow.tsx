import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ResolvedEscalationLevel } from '@preflight/plugin-reliability-common';
import { NextHandoffLine } from '../NextHandoffLine';
import { NobodyOnCallAlert } from '../NobodyOnCallAlert';
import { OnCallAssignmentItem } from '../OnCallAssignmentItem';

export interface OnCallLevelRowProps {
  level: ResolvedEscalationLevel;
  /** Whether this is the policy's last level. */
  isLast: boolean;
  /** How many times the policy repeats after its last level. */
  numLoops: number;
  now: Date;
}

function escalationText(props: OnCallLevelRowProps): string {
  const { level, isLast, numLoops } = props;
  const delay = `${level.delayMinutes} min`;
  if (!isLast) {
    return `escalates to level ${level.level + 1} after ${delay}`;
  }
  if (numLoops > 0) {
    return `repeats from level 1 after ${delay} (${numLoops}× at most)`;
  }
  return 'last level';
}

/**
 * One escalation level: who holds it now (or a warning that nobody does),
 * how long before it escalates, and the next handoff.
 */
export function OnCallLevelRow(props: OnCallLevelRowProps) {
  const { level, now } = props;
  return (
    <Box
      component="li"
      aria-label={`Level ${level.level}`}
      sx={{ listStyle: 'none', py: 1.5, borderTop: 1, borderColor: 'divider' }}
    >
      <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
        <Chip
          size="small"
          color={level.level === 1 ? 'primary' : 'default'}
          label={`Level ${level.level}`}
        />
        <Typography variant="caption" color="text.secondary">
          {escalationText(props)}
        </Typography>
      </Stack>
      <Stack spacing={1.5}>
        {level.onCallNow.length === 0 ? (
          <NobodyOnCallAlert level={level} now={now} />
        ) : (
          level.onCallNow.map(assignment => (
            <OnCallAssignmentItem
              key={`${assignment.person.id}:${assignment.start ?? 'permanent'}`}
              assignment={assignment}
              now={now}
            />
          ))
        )}
        {level.nextHandoff && (
          <NextHandoffLine nextHandoff={level.nextHandoff} now={now} />
        )}
      </Stack>
    </Box>
  );
}
