import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { EntityOnCall } from '@preflight/plugin-reliability-common';
import { OnCallLevelRow } from '../OnCallLevelRow';

export interface EscalationLevelListProps {
  policy: NonNullable<EntityOnCall['escalationPolicy']>;
  now: Date;
}

/** Who is on call now at each level of the escalation policy, in order. */
export function EscalationLevelList(props: EscalationLevelListProps) {
  const { policy, now } = props;
  if (policy.levels.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        The escalation policy has no levels, so nobody gets paged.
      </Typography>
    );
  }
  const levels = [...policy.levels].sort((a, b) => a.level - b.level);
  return (
    <Box component="ul" aria-label="On call now" sx={{ m: 0, p: 0 }}>
      {levels.map((level, index) => (
        <OnCallLevelRow
          key={level.level}
          level={level}
          isLast={index === levels.length - 1}
          numLoops={policy.numLoops}
          now={now}
        />
      ))}
    </Box>
  );
}
