import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type {
  ReportServiceRef,
  ServiceNoise,
} from '@preflight/plugin-reliability-common';
import { formatReportValue } from '../../utils';
import { ReportServiceLink } from '../ReportServiceLink';

export interface NoisyServicesTableProps {
  noisiest: ReadonlyArray<ServiceNoise>;
  services: ReadonlyArray<ReportServiceRef>;
  /** Rows shown at most; all by default. */
  limit?: number;
}

/** The services with noise, noisiest first, with their share of noise. */
export function NoisyServicesTable(props: NoisyServicesTableProps) {
  const { noisiest, services, limit } = props;
  const shown = limit === undefined ? noisiest : noisiest.slice(0, limit);
  return (
    <TableContainer>
      <Table size="small" aria-label="Noisiest services">
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell align="right">Incidents</TableCell>
            <TableCell align="right">Noise</TableCell>
            <TableCell align="right">Noise share</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(service => (
            <TableRow key={service.serviceId}>
              <TableCell>
                <ReportServiceLink
                  serviceId={service.serviceId}
                  services={services}
                />
              </TableCell>
              <TableCell align="right">{service.total}</TableCell>
              <TableCell align="right">{service.noise}</TableCell>
              <TableCell align="right">
                {formatReportValue(service.noiseShare, 'ratio')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
