import Box from '@mui/material/Box';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { formatReportPeriod, REPORT_HEADLINES } from '../../utils';
import { ReportDeltaTile } from '../ReportDeltaTile';

/** @public */
export interface ReportHeadlineTilesProps {
  report: ReliabilityReportResponse;
}

/** The headline figures as tiles, each against the previous period. @public */
export function ReportHeadlineTiles(props: ReportHeadlineTilesProps) {
  const { report } = props;
  const previousLabel = formatReportPeriod(report.previousPeriod);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 1.5,
        // Four tiles a row at 1024 px, six at 1440 px.
        gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
      }}
    >
      {REPORT_HEADLINES.map(headline => (
        <ReportDeltaTile
          key={headline.key}
          headline={headline}
          delta={report.deltas[headline.key]}
          previousLabel={previousLabel}
        />
      ))}
    </Box>
  );
}
