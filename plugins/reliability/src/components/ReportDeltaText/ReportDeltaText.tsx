import Box from '@mui/material/Box';
import type { Theme } from '@mui/material/styles';
import type { MetricDelta } from '@preflight/plugin-reliability-common';
import { deltaArrow, formatDeltaChange, ReportUnit } from '../../utils';

export interface ReportDeltaTextProps {
  delta: MetricDelta;
  unit: ReportUnit;
}

/**
 * The darker shade on light paper and the lighter on dark paper: the
 * `main` shades of red and green are too faint for caption-sized text.
 */
function deltaColor(direction: MetricDelta['direction']) {
  return (theme: Theme) => {
    const shade = theme.palette.mode === 'dark' ? 'light' : 'dark';
    switch (direction) {
      case 'improved':
        return theme.palette.success[shade];
      case 'worsened':
        return theme.palette.error[shade];
      default:
        return theme.palette.text.secondary;
    }
  };
}

/**
 * A figure's change since the previous period: an arrow for its way, the
 * change in words ending "better" or "worse", green or red. The words
 * carry the judgement, so it reads without the colour; the arrow is
 * decoration for sighted readers and hidden from screen readers.
 */
export function ReportDeltaText(props: ReportDeltaTextProps) {
  const { delta, unit } = props;
  const arrow = deltaArrow(delta);
  return (
    <Box
      component="span"
      sx={{ color: deltaColor(delta.direction), fontWeight: 500 }}
    >
      {arrow && <span aria-hidden="true">{arrow} </span>}
      <span>{formatDeltaChange(delta, unit)}</span>
    </Box>
  );
}
