import Box from '@mui/material/Box';
import type {
  MetricDelta,
  ReliabilityReportResponse,
  ReportPeriod,
} from '@preflight/plugin-reliability-common';
import { formatReportPeriod, REPORT_HEADLINES } from '../../utils';
import { ReportDeltaTile, type ReportDeltaTileProps } from '../ReportDeltaTile';

export interface ReportHeadlineTilesProps {
  report: ReliabilityReportResponse;
}

/** The headline figures as tiles, each against the previous period. */
export function ReportHeadlineTiles(props: ReportHeadlineTilesProps) {
  const { report } = props;
  return (
    <ReportDeltaTiles
      headlines={REPORT_HEADLINES}
      deltas={report.deltas}
      previousPeriod={report.previousPeriod}
    />
  );
}

/**
 * Figures as a grid of tiles, each with its change since the previous
 * period: the report's headlines and the SLO section's figures.
 */
export function ReportDeltaTiles<Key extends string>(props: {
  headlines: ReadonlyArray<ReportDeltaTileProps['headline'] & { key: Key }>;
  deltas: Record<Key, MetricDelta>;
  previousPeriod: ReportPeriod;
}) {
  const { headlines, deltas } = props;
  const previousLabel = formatReportPeriod(props.previousPeriod);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        // Four tiles a row at 1024 px, six at 1440 px.
        gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
      }}
    >
      {headlines.map(headline => (
        <ReportDeltaTile
          key={headline.key}
          headline={headline}
          delta={deltas[headline.key]}
          previousLabel={previousLabel}
        />
      ))}
    </Box>
  );
}
