import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { formatReportValue, unlistedNote } from '../../utils';
import { CardFrame } from '../CardFrame';
import { ReportServiceLink } from '../ReportServiceLink';

export interface ReportChangeFailureSectionProps {
  report: ReliabilityReportResponse;
}

/**
 * Change failure rate overall and per service. A service without change
 * events says "no change data": it had no recorded change, which is not a
 * 0 % failure rate.
 */
export function ReportChangeFailureSection(
  props: ReportChangeFailureSectionProps,
) {
  const { report } = props;
  const { changeFailure } = report;
  const { overall } = changeFailure;
  const unlisted = unlistedNote(
    changeFailure.services.length,
    changeFailure.serviceCount,
    { one: 'service', many: 'services' },
  );
  return (
    <CardFrame
      title="Change failure rate"
      subheader={`A change fails when a high-urgency incident opens on the same service within ${changeFailure.windowMinutes} minutes after it.`}
    >
      <Typography variant="h4" component="p">
        {overall.status === 'no-change-data'
          ? 'No change data'
          : formatReportValue(overall.rate, 'ratio')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {overall.status === 'no-change-data'
          ? 'No service in scope recorded a change event in the period.'
          : `${overall.failedChanges} failed of ${overall.changes} changes, over the services with change data.`}
      </Typography>
      {changeFailure.services.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label="Change failure rate by service">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell align="right">Changes</TableCell>
                <TableCell align="right">Failed</TableCell>
                <TableCell align="right">Rate</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changeFailure.services.map(service => (
                <TableRow key={service.serviceId}>
                  <TableCell>
                    <ReportServiceLink
                      serviceId={service.serviceId}
                      services={report.services}
                    />
                  </TableCell>
                  <TableCell align="right">{service.changes}</TableCell>
                  <TableCell align="right">{service.failedChanges}</TableCell>
                  <TableCell align="right">
                    {service.status === 'no-change-data' ? (
                      <Typography
                        component="span"
                        variant="body2"
                        color="text.secondary"
                      >
                        no change data
                      </Typography>
                    ) : (
                      formatReportValue(service.rate, 'ratio')
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {unlisted && (
            <Typography variant="body2" color="text.secondary">
              Most failed changes first; {unlisted} (
              {changeFailure.measuredServiceCount.toLocaleString('en-US')} with
              change data in all).
            </Typography>
          )}
        </TableContainer>
      )}
    </CardFrame>
  );
}
