import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type {
  IncidentMeasures,
  ReliabilityReportResponse,
} from '@preflight/plugin-reliability-common';
import {
  formatDurationMeasure,
  formatReportPeriod,
  formatReportValue,
} from '../../utils';
import { CardFrame } from '../CardFrame';
import { ReportServiceLink } from '../ReportServiceLink';

export interface ReportIncidentsSectionProps {
  report: ReliabilityReportResponse;
}

const ROWS: Array<{
  label: string;
  value(measures: IncidentMeasures): string;
}> = [
  {
    label: 'Incidents',
    value: m =>
      `${m.total} (${m.byUrgency.high} high, ${m.byUrgency.low} low urgency)`,
  },
  { label: 'MTTA', value: m => formatDurationMeasure(m.mtta) },
  { label: 'MTTR', value: m => formatDurationMeasure(m.mttr) },
  { label: 'Not acknowledged', value: m => String(m.unacknowledged) },
  { label: 'Not resolved', value: m => String(m.unresolved) },
  { label: 'Open at period end', value: m => String(m.openAtPeriodEnd) },
];

/**
 * Incidents created in the period against the period before: counts by
 * urgency, MTTA and MTTR (mean and p90; `≈` marks a p90 read from
 * histograms), what stayed open, and the incident that took longest.
 */
export function ReportIncidentsSection(props: ReportIncidentsSectionProps) {
  const { report } = props;
  const { incidents, previousIncidents } = report;
  const { longest } = incidents;
  return (
    <CardFrame title="Incidents">
      <Table size="small" aria-label="Incident figures">
        <TableHead>
          <TableRow>
            <TableCell>Measure</TableCell>
            <TableCell>{formatReportPeriod(report.period)}</TableCell>
            <TableCell>{formatReportPeriod(report.previousPeriod)}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ROWS.map(row => (
            <TableRow key={row.label} aria-label={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell>{row.value(incidents)}</TableCell>
              <TableCell>{row.value(previousIncidents)}</TableCell>
            </TableRow>
          ))}
          <TableRow aria-label="Longest">
            <TableCell component="th" scope="row">
              Longest
            </TableCell>
            <TableCell colSpan={2}>
              {longest ? (
                <>
                  {formatReportValue(longest.durationSeconds, 'seconds')},{' '}
                  <ReportServiceLink
                    serviceId={longest.serviceId}
                    services={report.services}
                  />{' '}
                  ({longest.incidentId})
                </>
              ) : (
                'none resolved'
              )}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </CardFrame>
  );
}
