import Typography from '@mui/material/Typography';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { formatReportValue } from '../../utils';
import { CardFrame } from '../CardFrame';
import { NoisyServicesTable } from '../NoisyServicesTable';

export interface ReportAlertQualitySectionProps {
  report: ReliabilityReportResponse;
}

/**
 * How many incidents were worth a human's attention, and the services
 * whose alerts were noise most often.
 */
export function ReportAlertQualitySection(
  props: ReportAlertQualitySectionProps,
) {
  const { report } = props;
  const { alertQuality } = report;
  return (
    <CardFrame
      title="Alert quality"
      subheader="Noise: never acknowledged, and resolved within minutes or automatically."
    >
      {alertQuality.total === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No incidents in the period.
        </Typography>
      ) : (
        <>
          <Typography variant="h4" component="p">
            {formatReportValue(alertQuality.actionableShare, 'ratio')}{' '}
            actionable
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {alertQuality.actionable} of {alertQuality.total} incidents;{' '}
            {alertQuality.noise} noise.
          </Typography>
          {alertQuality.noisiestServices.length > 0 && (
            <NoisyServicesTable
              noisiest={alertQuality.noisiestServices}
              services={report.services}
            />
          )}
        </>
      )}
    </CardFrame>
  );
}
