import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type {
  LevelDistribution,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { levelBands } from '../../utils';

export interface LevelDistributionChipsProps {
  rubric: ScorecardRubricView;
  distribution: LevelDistribution;
  /** Names the group for assistive technology. */
  label?: string;
}

/**
 * How many entities stand at each level, highest level first, one chip
 * per level with its colour.
 */
export function LevelDistributionChips(props: LevelDistributionChipsProps) {
  const { rubric, distribution, label = 'Level distribution' } = props;
  const bands = levelBands(rubric, distribution).reverse();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      flexWrap="wrap"
      role="group"
      aria-label={label}
    >
      {bands.map(band => (
        <Chip
          key={band.key}
          size="small"
          variant="outlined"
          label={`${band.title}: ${band.count}`}
          icon={
            <Box
              component="span"
              aria-hidden
              sx={{
                width: 10,
                height: 10,
                borderRadius: '50%',
                bgcolor: band.color,
              }}
            />
          }
        />
      ))}
    </Stack>
  );
}
