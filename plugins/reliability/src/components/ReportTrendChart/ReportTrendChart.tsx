import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportTrendPoint } from '@preflight/plugin-reliability-common';
import { useChartTheme } from '../../hooks/useChartTheme';
import { formatMonth } from '../../utils';

/** One line or bar of a trend chart. */
export interface ReportTrendSeries<
  P extends { month: string } = ReportTrendPoint,
> {
  id: string;
  name: string;
  color: string;
  value(point: P): number | null;
}

export interface ReportTrendChartProps<
  P extends { month: string } = ReportTrendPoint,
> {
  title: string;
  /** Months of figures (the report's trend or the SLO section's). */
  trend: ReadonlyArray<P>;
  series: ReadonlyArray<ReportTrendSeries<P>>;
  /** `bar` stacks the series; `line` draws them side by side. */
  kind: 'bar' | 'line';
  /** A value as the axis, tooltip and table write it. */
  format(value: number): string;
  /** What a missing value means in the table, "no data" by default. */
  missing?: string;
  height?: number;
}

/** Hidden from sight but read by screen readers: the chart's text alternative. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const shortMonth = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: '2-digit',
  timeZone: 'UTC',
});

/**
 * An axis tick for a month, "2026-02" → "Feb ’26": the apostrophe marks
 * the year, which "Feb 26" left to be read as the 26th of February.
 */
export function formatTickMonth(month: string): string {
  const parts = shortMonth.formatToParts(new Date(`${month}-01T00:00:00Z`));
  const part = (type: string) =>
    parts.find(candidate => candidate.type === type)?.value ?? '';
  return `${part('month')} ’${part('year')}`;
}

/**
 * Twelve months of report figures as a recharts chart in the theme's
 * colours, with the same figures as a table for screen readers (the chart
 * itself is hidden from them: an SVG of bars says nothing read aloud).
 */
export function ReportTrendChart<
  P extends { month: string } = ReportTrendPoint,
>(props: ReportTrendChartProps<P>) {
  const {
    title,
    trend,
    series,
    kind,
    format,
    missing = 'no data',
    height = 220,
  } = props;
  const chart = useChartTheme();
  const rows = trend.map(point => ({
    month: point.month,
    ...Object.fromEntries(series.map(s => [s.id, s.value(point)])),
  }));
  const axes = [
    <CartesianGrid key="grid" {...chart.grid} />,
    <XAxis
      key="x"
      dataKey="month"
      tickFormatter={month => formatTickMonth(String(month))}
      {...chart.axis}
    />,
    <YAxis
      key="y"
      tickFormatter={value => format(Number(value))}
      {...chart.axis}
      width={64}
    />,
    <Tooltip
      key="tooltip"
      labelFormatter={month => formatMonth(String(month))}
      formatter={value => (typeof value === 'number' ? format(value) : missing)}
      {...chart.tooltip}
    />,
    <Legend key="legend" {...chart.legend} />,
  ];
  return (
    <Box component="figure" aria-label={title} sx={{ m: 0 }}>
      <Typography variant="subtitle2" component="figcaption">
        {title}
      </Typography>
      <Box aria-hidden="true" sx={{ width: '100%', height }}>
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'bar' ? (
            <BarChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            >
              {axes}
              {series.map(s => (
                <Bar
                  key={s.id}
                  dataKey={s.id}
                  name={s.name}
                  stackId="trend"
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          ) : (
            <LineChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            >
              {axes}
              {series.map(s => (
                <Line
                  key={s.id}
                  dataKey={s.id}
                  name={s.name}
                  stroke={s.color}
                  strokeWidth={2}
                  dot={{ r: 3 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </Box>
      <Box
        component="table"
        aria-label={`${title}, by month`}
        sx={VISUALLY_HIDDEN}
      >
        <thead>
          <tr>
            <th scope="col">Month</th>
            {series.map(s => (
              <th key={s.id} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.map(point => (
            <tr key={point.month}>
              <th scope="row">{formatMonth(point.month)}</th>
              {series.map(s => {
                const value = s.value(point);
                return (
                  <td key={s.id}>{value === null ? missing : format(value)}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
