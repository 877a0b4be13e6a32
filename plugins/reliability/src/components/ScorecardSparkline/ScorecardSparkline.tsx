import Box from '@mui/material/Box';
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import type { ScorecardHistoryPoint } from '@preflight/plugin-reliability-common';
import { useChartTheme } from '../../hooks/useChartTheme';
import { formatDay } from '../../utils';

export interface ScorecardSparklineProps {
  history: ScorecardHistoryPoint[];
  width?: number;
  height?: number;
}

function describe(history: ScorecardHistoryPoint[]): string {
  const first = history[0];
  const last = history[history.length - 1];
  if (history.length === 1) {
    return `Score ${first.score} on ${formatDay(first.day)}`;
  }
  return `Score from ${first.score} on ${formatDay(first.day)} to ${
    last.score
  } on ${formatDay(last.day)}`;
}

/**
 * The score over the recorded days, as a small line without axes: enough
 * to see whether an entity is getting better. A single recorded day shows
 * as a dot, so a fresh install already has its starting point.
 */
export function ScorecardSparkline(props: ScorecardSparklineProps) {
  const { history, width = 140, height = 44 } = props;
  const chart = useChartTheme();
  if (history.length === 0) {
    return null;
  }
  const color = chart.theme.palette.primary.main;
  return (
    <Box role="figure" aria-label={describe(history)} sx={{ width, height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={history}
          margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        >
          <YAxis hide domain={[0, 100]} />
          <Tooltip
            labelFormatter={(_, payload) =>
              payload?.[0] ? formatDay(payload[0].payload.day) : ''
            }
            formatter={value => [`${value}`, 'Score']}
            {...chart.tooltip}
          />
          <Line
            dataKey="score"
            type="monotone"
            stroke={color}
            strokeWidth={2}
            // A line needs two points; one day is drawn as its dot.
            dot={history.length === 1 ? { r: 3, fill: color } : false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
