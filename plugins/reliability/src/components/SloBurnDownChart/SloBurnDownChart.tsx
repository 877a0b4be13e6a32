import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { BurnDownPoint } from '@preflight/plugin-reliability-common';
import { useChartTheme } from '../../hooks/useChartTheme';
import { formatPercent } from '../../utils/formatPercent';

/** @public */
export interface SloBurnDownChartProps {
  /** Names the chart for assistive technology, e.g. the SLO's display name. */
  sloName: string;
  points: BurnDownPoint[];
  /**
   * End of a calendar-aligned window (ISO-8601): the chart then spans the
   * whole window, the ideal line running down to the reset.
   */
  windowEnd?: string;
  /** Chart height in pixels. */
  height?: number;
}

interface ChartRow {
  time: number;
  budget: number | null;
  ideal: number | null;
}

const dateFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
  timeZoneName: 'short',
});

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function toRows(points: BurnDownPoint[]): ChartRow[] {
  return points.flatMap(point => {
    const time = Date.parse(point.timestamp);
    if (Number.isNaN(time)) {
      return [];
    }
    return [
      {
        time,
        budget: finiteOrNull(point.eventBudgetRemaining),
        ideal: finiteOrNull(point.idealBudgetRemaining),
      },
    ];
  });
}

function formatTooltipValue(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value, 1) : 'no data';
}

/**
 * The error budget over the SLO's window: what is left as errors arrived,
 * against the straight line of spending exactly the budget (burn rate 1).
 * Below the line means burning faster than the objective allows. Colours
 * come from the MUI theme so the chart reads in light and dark mode.
 * @public
 */
export function SloBurnDownChart(props: SloBurnDownChartProps) {
  const { sloName, points, windowEnd, height = 240 } = props;
  const chart = useChartTheme();
  const { theme } = chart;
  const rows = toRows(points);
  const endMs = windowEnd ? Date.parse(windowEnd) : Number.NaN;
  const spansWindow =
    Number.isFinite(endMs) && rows.length > 0 && endMs > rows.at(-1)!.time;
  if (spansWindow) {
    // The budget is spent evenly to nothing at the reset.
    rows.push({ time: endMs, budget: null, ideal: 0 });
  }
  const label = `Error budget burn-down of ${sloName}${
    spansWindow
      ? `, until the budget resets on ${dateFormat.format(new Date(endMs))}`
      : ''
  }`;
  if (!rows.some(row => row.budget !== null)) {
    return (
      <Typography variant="body2" color="text.secondary">
        Burn-down: no data over the window yet.
      </Typography>
    );
  }
  return (
    <Box role="figure" aria-label={label} sx={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...chart.grid} />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={time => dateFormat.format(new Date(time))}
            {...chart.axis}
          />
          <YAxis
            tickFormatter={value => formatPercent(value, 0)}
            {...chart.axis}
            width={56}
          />
          <ReferenceLine y={0} stroke={theme.palette.error.main} />
          <Tooltip
            labelFormatter={time => dateTimeFormat.format(new Date(time))}
            formatter={formatTooltipValue}
            {...chart.tooltip}
          />
          <Legend {...chart.legend} />
          <Line
            name="Budget remaining"
            dataKey="budget"
            type="monotone"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            name="Ideal (burn rate 1)"
            dataKey="ideal"
            type="linear"
            connectNulls
            stroke={theme.palette.text.secondary}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </Box>
  );
}
