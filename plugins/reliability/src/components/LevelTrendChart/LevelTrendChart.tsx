import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  LevelTrendPoint,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { useChartTheme } from '../../hooks/useChartTheme';
import { formatDay, levelBands } from '../../utils';

export interface LevelTrendChartProps {
  rubric: ScorecardRubricView;
  trend: LevelTrendPoint[];
  /** Names the chart, e.g. "Level distribution of team-payments over time". */
  label: string;
  height?: number;
}

const shortDay = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/**
 * How many entities stood at each level day by day: one bar per day,
 * stacked by level in the level colours, highest level on top. Bars rather
 * than areas so the first recorded day already shows, and 90 days still
 * read as a row of thin bars. Days without an evaluation (carried forward
 * by the backend) are drawn lighter. Theme colours for axes and tooltip so
 * it reads in light and dark mode.
 */
export function LevelTrendChart(props: LevelTrendChartProps) {
  const { rubric, trend, label, height = 240 } = props;
  const chart = useChartTheme();
  if (trend.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No history recorded yet; the first day shows after the next evaluation.
      </Typography>
    );
  }
  const keys = new Set<string>();
  trend.forEach(point => Object.keys(point.counts).forEach(k => keys.add(k)));
  const merged = Object.fromEntries([...keys].map(key => [key, 0]));
  const bands = levelBands(rubric, merged);
  const order = new Map(bands.map((band, index) => [band.key, index]));
  const rows = trend.map(point => ({
    day: point.day,
    carried: !!point.carried,
    ...Object.fromEntries(
      bands.map(band => [band.key, point.counts[band.key] ?? 0]),
    ),
  }));
  return (
    <Box role="figure" aria-label={label} sx={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
          barCategoryGap={trend.length > 30 ? 1 : '20%'}
        >
          <CartesianGrid {...chart.grid} />
          <XAxis
            dataKey="day"
            tickFormatter={day =>
              shortDay.format(new Date(`${String(day)}T00:00:00Z`))
            }
            {...chart.axis}
            minTickGap={24}
          />
          <YAxis allowDecimals={false} {...chart.axis} width={40} />
          <Tooltip
            labelFormatter={day => formatDay(String(day))}
            // The stack's top band is the highest level; list it first too.
            itemSorter={item => -(order.get(String(item.dataKey)) ?? 0)}
            cursor={{ fill: chart.theme.palette.action.hover }}
            {...chart.tooltip}
          />
          <Legend {...chart.legend} />
          {bands.map(band => (
            <Bar
              key={band.key}
              dataKey={band.key}
              name={band.title}
              stackId="levels"
              fill={band.color}
              maxBarSize={56}
              isAnimationActive={false}
            >
              {/* A day without an evaluation repeats the day before: drawn
                  lighter so it is not read as a day that was judged. */}
              {rows.map(row => (
                <Cell key={row.day} fillOpacity={row.carried ? 0.4 : 1} />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}
