import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import type {
  LevelDistribution,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { levelBands } from '../../utils';

export interface LevelDistributionBarProps {
  rubric: ScorecardRubricView;
  distribution: LevelDistribution;
  height?: number;
}

/**
 * A distribution as one horizontal bar split by level, "no level" on the
 * left, highest level on the right; compact enough for a table cell.
 */
export function LevelDistributionBar(props: LevelDistributionBarProps) {
  const { rubric, distribution, height = 12 } = props;
  const bands = levelBands(rubric, distribution).filter(band => band.count > 0);
  const total = bands.reduce((sum, band) => sum + band.count, 0);
  const description = bands
    .map(band => `${band.title} ${band.count}`)
    .join(', ');
  return (
    <Box
      role="img"
      aria-label={total > 0 ? description : 'No entities'}
      sx={{
        display: 'flex',
        width: '100%',
        minWidth: 120,
        height,
        borderRadius: 1,
        overflow: 'hidden',
        bgcolor: 'action.hover',
      }}
    >
      {bands.map(band => (
        // describeChild: the bar as a whole carries the text alternative;
        // a label on each unnamed band would be invalid ARIA.
        <Tooltip
          key={band.key}
          title={`${band.title}: ${band.count}`}
          describeChild
        >
          <Box
            sx={{
              width: `${(100 * band.count) / total}%`,
              bgcolor: band.color,
            }}
          />
        </Tooltip>
      ))}
    </Box>
  );
}
