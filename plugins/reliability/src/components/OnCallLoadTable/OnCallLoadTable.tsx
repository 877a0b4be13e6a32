import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { OnCallLoadMeasure } from '@preflight/plugin-reliability-common';
import { formatFairness, formatReportValue, rotationLabel } from '../../utils';
import { ReportPersonLink } from '../ReportPersonLink';

export interface OnCallLoadTableProps {
  rotations: ReadonlyArray<OnCallLoadMeasure>;
  /** Heading level of each rotation's name; `h3` by default. */
  headingComponent?: 'h3' | 'h4';
}

function rotationSummary(rotation: OnCallLoadMeasure): string {
  return `${formatReportValue(rotation.shifts, 'rate')} shifts · ${
    rotation.pages
  } pages · ${formatReportValue(
    rotation.pagesPerShift,
    'rate',
  )} per shift · ${formatReportValue(
    rotation.pagesPerPersonPerWeek,
    'rate',
  )} per person per week · ${rotation.offHoursPages} off hours · ${
    rotation.sleepHoursPages
  } in sleep hours`;
}

/**
 * On-call load per rotation and per person: shifts, pages, pages per
 * shift and per week, pages off hours and in sleep hours, and how evenly
 * the pages fell (Gini, 0 = even).
 */
export function OnCallLoadTable(props: OnCallLoadTableProps) {
  const { rotations, headingComponent = 'h3' } = props;
  return (
    <Stack spacing={3}>
      {rotations.map(rotation => (
        <Box
          key={rotation.rotationId}
          component="section"
          aria-label={`Rotation ${rotationLabel(rotation)}`}
        >
          <Typography variant="subtitle1" component={headingComponent}>
            Rotation {rotationLabel(rotation)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {rotationSummary(rotation)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Fairness (Gini, 0 = even): {formatFairness(rotation.fairness)}
          </Typography>
          {rotation.people.length > 0 && (
            // Eight columns at 1024 px: words must not split mid-word
            // ("Shift/s", "PUBOB0/1"), yet headers may wrap between words
            // so the table fits without a scrollbar.
            <TableContainer
              sx={{
                '& th, & td': { wordBreak: 'normal', overflowWrap: 'normal' },
                '& td:first-of-type': { whiteSpace: 'nowrap' },
              }}
            >
              <Table
                size="small"
                aria-label={`People of rotation ${rotationLabel(rotation)}`}
              >
                <TableHead>
                  <TableRow>
                    <TableCell>Person</TableCell>
                    <TableCell align="right">Shifts</TableCell>
                    <TableCell align="right">Hours on call</TableCell>
                    <TableCell align="right">Pages</TableCell>
                    <TableCell align="right">Per shift</TableCell>
                    <TableCell align="right">Per week</TableCell>
                    <TableCell align="right">Off hours</TableCell>
                    <TableCell align="right">Sleep hours</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rotation.people.map(person => (
                    <TableRow key={person.personId}>
                      <TableCell>
                        <ReportPersonLink
                          personId={person.personId}
                          personName={person.personName}
                        />
                      </TableCell>
                      <TableCell align="right">
                        {formatReportValue(person.shifts, 'rate')}
                      </TableCell>
                      <TableCell align="right">
                        {formatReportValue(person.onCallHours, 'rate')}
                      </TableCell>
                      <TableCell align="right">{person.pages}</TableCell>
                      <TableCell align="right">
                        {formatReportValue(person.pagesPerShift, 'rate')}
                      </TableCell>
                      <TableCell align="right">
                        {formatReportValue(person.pagesPerWeek, 'rate')}
                      </TableCell>
                      <TableCell align="right">
                        {person.offHoursPages}
                      </TableCell>
                      <TableCell align="right">
                        {person.sleepHoursPages}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Box>
      ))}
    </Stack>
  );
}
