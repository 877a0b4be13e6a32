import Chip from '@mui/material/Chip';
import MilitaryTechIcon from '@mui/icons-material/MilitaryTech';
import type { ScorecardRubricView } from '@preflight/plugin-reliability-common';
import { levelColor, levelIndex, levelTitle } from '../../utils';
import { readableTextColor } from '../../utils/readableTextColor';

export interface ScorecardLevelBadgeProps {
  rubric: ScorecardRubricView;
  /** The level reached; null when not even the first. */
  levelId: string | null;
  size?: 'small' | 'medium';
}

/**
 * The level an entity reached, coloured by the level's position (bronze,
 * silver, gold for three levels), or an outlined "No level".
 */
export function ScorecardLevelBadge(props: ScorecardLevelBadgeProps) {
  const { rubric, levelId, size = 'small' } = props;
  const title = levelTitle(rubric, levelId);
  if (levelId === null) {
    return (
      <Chip
        size={size}
        variant="outlined"
        label={title}
        aria-label={`Level: ${title}`}
      />
    );
  }
  const color = levelColor(levelIndex(rubric, levelId));
  return (
    <Chip
      size={size}
      icon={<MilitaryTechIcon />}
      label={title}
      aria-label={`Level: ${title}`}
      sx={{
        bgcolor: color,
        color: readableTextColor(color),
        fontWeight: 600,
        '& .MuiChip-icon': { color: 'inherit' },
      }}
    />
  );
}
