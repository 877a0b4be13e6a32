import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { EntityScorecard } from '@preflight/plugin-reliability-common';

export interface NextLevelLineProps {
  scorecard: EntityScorecard;
}

/**
 * What the entity needs for its next level: the checks that block it, by
 * title. At the top level, says so.
 */
export function NextLevelLine(props: NextLevelLineProps) {
  const { scorecard } = props;
  const { nextLevel } = scorecard;
  if (!nextLevel) {
    return (
      <Typography variant="body2" color="text.secondary">
        Top level reached: every check of every level passes.
      </Typography>
    );
  }
  const titles = new Map(
    scorecard.checks.map(check => [check.checkId, check.title]),
  );
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      flexWrap="wrap"
      alignItems="center"
      aria-label={`Next level: ${nextLevel.title}`}
      role="group"
    >
      <Typography variant="body2">
        Next level <strong>{nextLevel.title}</strong> needs:
      </Typography>
      {nextLevel.blockingCheckIds.map(checkId => (
        <Chip
          key={checkId}
          size="small"
          color="error"
          variant="outlined"
          label={titles.get(checkId) ?? checkId}
        />
      ))}
    </Stack>
  );
}
