import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import type { ReportTrendPoint } from '@preflight/plugin-reliability-common';
import { formatDuration } from '../../utils';
import { formatPercent } from '../../utils/formatPercent';
import { CardFrame } from '../CardFrame';
import { ReportTrendChart } from '../ReportTrendChart';

export interface ReportTrendChartsProps {
  trend: ReadonlyArray<ReportTrendPoint>;
}

const count = (value: number) => String(Math.round(value));
const percent = (value: number) => formatPercent(value, 1);
const minutes = (value: number) => formatDuration(value);

/**
 * The last twelve months: incidents by urgency, MTTA and MTTR, change
 * failure rate and actionable share, pages and off-hours pages.
 */
export function ReportTrendCharts(props: ReportTrendChartsProps) {
  const { trend } = props;
  const { palette } = useTheme();
  return (
    <CardFrame title="Last 12 months">
      {trend.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No monthly history yet; it builds up as report data is synced.
        </Typography>
      ) : (
        <Box
          sx={{
            display: 'grid',
            gap: 3,
            gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
          }}
        >
          <ReportTrendChart
            title="Incidents by urgency"
            kind="bar"
            trend={trend}
            format={count}
            series={[
              {
                id: 'high',
                name: 'High urgency',
                color: palette.error.main,
                value: p => p.highUrgency,
              },
              {
                id: 'low',
                name: 'Low urgency',
                color: palette.info.main,
                value: p => p.incidents - p.highUrgency,
              },
            ]}
          />
          <ReportTrendChart
            title="MTTA and MTTR (mean)"
            kind="line"
            trend={trend}
            format={minutes}
            series={[
              {
                id: 'mtta',
                name: 'MTTA',
                color: palette.warning.main,
                value: p => p.mttaMeanSeconds,
              },
              {
                id: 'mttr',
                name: 'MTTR',
                color: palette.primary.main,
                value: p => p.mttrMeanSeconds,
              },
            ]}
          />
          <ReportTrendChart
            title="Change failure rate"
            kind="line"
            trend={trend}
            format={percent}
            missing="no change data"
            series={[
              {
                id: 'cfr',
                name: 'Change failure rate',
                color: palette.error.main,
                value: p => p.changeFailureRate,
              },
            ]}
          />
          <ReportTrendChart
            title="Actionable incidents"
            kind="line"
            trend={trend}
            format={percent}
            series={[
              {
                id: 'actionable',
                name: 'Actionable share',
                color: palette.success.main,
                value: p => p.actionableShare,
              },
            ]}
          />
          <ReportTrendChart
            title="Pages"
            kind="bar"
            trend={trend}
            format={count}
            series={[
              {
                id: 'business',
                name: 'In business hours',
                color: palette.primary.main,
                value: p => p.pages - p.offHoursPages,
              },
              {
                id: 'offHours',
                name: 'Off hours',
                color: palette.warning.main,
                value: p => p.offHoursPages,
              },
            ]}
          />
        </Box>
      )}
    </CardFrame>
  );
}
