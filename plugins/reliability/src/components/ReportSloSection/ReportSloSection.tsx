import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { formatReportValue, reportNames } from '../../utils';
import {
  formatBudgetRemaining,
  formatPercent,
} from '../../utils/formatPercent';
import { CardFrame } from '../CardFrame';

/** @public */
export interface ReportSloSectionProps {
  report: ReliabilityReportResponse;
}

function summary(report: ReliabilityReportResponse): string | undefined {
  const { slos } = report;
  if (slos.total === 0) {
    return undefined;
  }
  return `${slos.meetingObjective} of ${
    slos.total
  } meeting the objective at period end · ${
    slos.budgetExhausted
  } with no budget left · page alerts for ${formatReportValue(
    slos.pageAlertSeconds,
    'seconds',
  )}`;
}

/**
 * The SLOs in scope at the period's end, least budget left first:
 * attainment against the objective, budget left and consumed in the
 * period, and how long a page-level burn alert fired.
 * @public
 */
export function ReportSloSection(props: ReportSloSectionProps) {
  const { report } = props;
  const names = reportNames(report);
  return (
    <CardFrame title="SLOs" subheader={summary(report)}>
      {report.slos.total === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No SLOs in scope. Entities declare SLOs as OpenSLO documents; their
          figures show here once evaluated.
        </Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="SLOs at period end">
            <TableHead>
              <TableRow>
                <TableCell>Entity</TableCell>
                <TableCell>SLO</TableCell>
                <TableCell align="right">Objective</TableCell>
                <TableCell align="right">Attainment</TableCell>
                <TableCell align="right">Budget left</TableCell>
                <TableCell align="right">Budget consumed</TableCell>
                <TableCell align="right">Page alert time</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {report.slos.slos.map(slo => {
                const below =
                  slo.attainment !== null && slo.attainment < slo.objective;
                return (
                  <TableRow
                    key={`${slo.entityRef}/${slo.sloName}`}
                    aria-label={slo.sloName}
                  >
                    <TableCell>
                      <EntityRefLink
                        entityRef={slo.entityRef}
                        defaultKind="component"
                        disableTooltip
                      >
                        {names.entity(slo.entityRef)}
                      </EntityRefLink>
                    </TableCell>
                    <TableCell>{slo.sloName}</TableCell>
                    <TableCell align="right">
                      {formatPercent(slo.objective)}
                    </TableCell>
                    <TableCell
                      align="right"
                      sx={below ? { color: 'error.main' } : undefined}
                    >
                      {formatPercent(slo.attainment)}
                      {below && ' (below)'}
                    </TableCell>
                    <TableCell
                      align="right"
                      sx={
                        slo.budgetLeft !== null && slo.budgetLeft <= 0
                          ? { color: 'error.main' }
                          : undefined
                      }
                    >
                      {formatBudgetRemaining(slo.budgetLeft)}
                    </TableCell>
                    <TableCell align="right">
                      {formatPercent(slo.budgetConsumed, 1)}
                    </TableCell>
                    <TableCell align="right">
                      {formatReportValue(slo.pageAlertSeconds, 'seconds')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </CardFrame>
  );
}
