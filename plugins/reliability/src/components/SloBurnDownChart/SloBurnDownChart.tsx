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

const DAY_MS = 86_400_000;

/**
 * Evenly spaced x ticks on whole UTC days (every day, every 2, 4 or 7
 * days, whichever gives at most eight ticks), so the axis reads regularly
 * whatever the window.
 */
export function burnDownTicks(first: number, last: number): number[] {
  const days = (last - first) / DAY_MS;
  const step = [1, 2, 4, 7, 14].find(candidate => days / candidate <= 8) ?? 14;
  const start = Math.ceil(first / DAY_MS) * DAY_MS;
  const ticks: number[] = [];
  for (let tick = start; tick <= last; tick += step * DAY_MS) {
    ticks.push(tick);
  }
  return ticks;
}

/**
 * The chart in words, for assistive technology: where the budget started,
 * where it is now and where spending exactly the budget would have left it.
 */
export function describeBurnDown(
  sloName: string,
  points: BurnDownPoint[],
): string {
  const rows = toRows(points).filter(row => row.budget !== null);
  if (rows.length === 0) {
    return `Error budget burn-down of ${sloName}: no data over the window yet.`;
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const ideal =
    last.ideal !== null
      ? `; spending exactly the budget would leave ${formatPercent(
          last.ideal,
          1,
        )}`
      : '';
  return `Error budget burn-down of ${sloName}: ${formatPercent(
    first.budget,
    1,
  )} left on ${dateFormat.format(new Date(first.time))}, ${formatPercent(
    last.budget,
    1,
  )} left on ${dateFormat.format(new Date(last.time))}${ideal}.`;
}

function formatTooltipValue(value: unknown): string {
  return typeof value === 'number' ? formatPercent(value, 1) : 'no data';
}

/**
 * The error budget over the SLO's window: what is left as errors arrived,
 * against the straight line of spending exactly the budget (burn rate 1).
 * Below the line means burning faster than the objective allows. Colours
 * come from the MUI theme so the chart reads in light and dark mode.
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
  const label = `${describeBurnDown(sloName, points)}${
    spansWindow
      ? ` The budget resets on ${dateFormat.format(new Date(endMs))}.`
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
            ticks={burnDownTicks(rows[0].time, rows[rows.length - 1].time)}
            tickFormatter={time => dateFormat.format(new Date(time))}
            {...chart.axis}
          />
          <YAxis
            tickFormatter={value => formatPercent(value, 0)}
            {...chart.axis}
            width={56}
          />
          <ReferenceLine
            y={0}
            stroke={theme.palette.error.main}
            label={{
              value: 'Budget exhausted',
              position: 'insideBottomLeft',
              fill: theme.palette.error.main,
              fontSize: 12,
            }}
          />
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
