import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import {
  formatReportPeriod,
  formatReportValue,
  MOVER_MEASURES,
} from '../../utils';
import { CardFrame } from '../CardFrame';
import { ReportDeltaText } from '../ReportDeltaText';
import { ReportServiceLink } from '../ReportServiceLink';

export interface ReportMoversSectionProps {
  report: ReliabilityReportResponse;
}

/**
 * The services whose incidents, MTTR and noise moved most since the
 * previous period, either way, each change judged better or worse.
 */
export function ReportMoversSection(props: ReportMoversSectionProps) {
  const { report } = props;
  const rows = MOVER_MEASURES.flatMap(measure =>
    report.movers[measure.key].map(movement => ({ measure, movement })),
  );
  return (
    <CardFrame title="Services that moved most">
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No service's figures moved since{' '}
          {formatReportPeriod(report.previousPeriod)}.
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="Services that moved most">
            <TableHead>
              <TableRow>
                <TableCell>Measure</TableCell>
                <TableCell>Service</TableCell>
                <TableCell align="right">
                  {formatReportPeriod(report.period)}
                </TableCell>
                <TableCell align="right">
                  {formatReportPeriod(report.previousPeriod)}
                </TableCell>
                <TableCell>Change</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map(({ measure, movement }) => (
                <TableRow key={`${measure.key}/${movement.serviceId}`}>
                  <TableCell>{measure.label}</TableCell>
                  <TableCell>
                    <ReportServiceLink
                      serviceId={movement.serviceId}
                      services={report.services}
                    />
                  </TableCell>
                  <TableCell align="right">
                    {formatReportValue(movement.delta.current, measure.unit)}
                  </TableCell>
                  <TableCell align="right">
                    {formatReportValue(movement.delta.previous, measure.unit)}
                  </TableCell>
                  <TableCell>
                    <ReportDeltaText
                      delta={movement.delta}
                      unit={measure.unit}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </CardFrame>
  );
}
