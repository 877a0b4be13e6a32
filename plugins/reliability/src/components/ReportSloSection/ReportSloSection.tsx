import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import { useTheme } from '@mui/material/styles';
import { ReportDeltaTiles } from '../ReportHeadlineTiles/ReportHeadlineTiles';
import {
  formatDay,
  formatReportValue,
  REPORT_SLO_HEADLINES,
  reportNames,
} from '../../utils';
import {
  formatBudgetRemaining,
  formatPercent,
} from '../../utils/formatPercent';
import { CardFrame } from '../CardFrame';
import { ReportTrendChart } from '../ReportTrendChart';

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

function NoSloData(props: { report: ReliabilityReportResponse }) {
  const { historyStartsOn } = props.report.slos;
  return (
    <Typography variant="body2" color="text.secondary">
      No SLO data for this period.{' '}
      {historyStartsOn
        ? `SLO history starts on ${formatDay(
            historyStartsOn,
          )}; days before it have no SLO data.`
        : 'Entities declare SLOs as OpenSLO documents; their daily figures are recorded from the first measurement on.'}
    </Typography>
  );
}

function SloFigureTiles(props: { report: ReliabilityReportResponse }) {
  const { report } = props;
  return (
    <ReportDeltaTiles
      headlines={REPORT_SLO_HEADLINES}
      deltas={report.slos.deltas}
      previousPeriod={report.previousPeriod}
    />
  );
}

function SloTrend(props: { report: ReliabilityReportResponse }) {
  const { trend } = props.report.slos;
  const { palette } = useTheme();
  if (!trend.some(point => point.slos > 0)) {
    return null;
  }
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
      }}
    >
      <ReportTrendChart
        title="SLO attainment at month end"
        kind="line"
        trend={trend}
        format={value => formatPercent(value, 2)}
        missing="no SLO data"
        series={[
          {
            id: 'mean',
            name: 'Mean',
            color: palette.primary.main,
            value: p => p.meanAttainment,
          },
          {
            id: 'min',
            name: 'Lowest',
            color: palette.error.main,
            value: p => p.minAttainment,
          },
        ]}
      />
      <ReportTrendChart
        title="Page alert time by month"
        kind="bar"
        trend={trend}
        format={value => formatReportValue(value, 'seconds')}
        missing="no SLO data"
        series={[
          {
            id: 'alert',
            name: 'Page alert time',
            color: palette.warning.main,
            value: p => p.pageAlertSeconds,
          },
        ]}
      />
    </Box>
  );
}

/**
 * The SLOs in scope, from the daily SLO history: the scope's figures
 * against the previous period, twelve months of attainment and alert time,
 * and each SLO at the period's end, least budget left first (attainment
 * against the objective, budget left and consumed in the period, how long a
 * page-level burn alert fired).
 */
export function ReportSloSection(props: ReportSloSectionProps) {
  const { report } = props;
  const names = reportNames(report);
  const { slos } = report;
  return (
    <CardFrame title="SLOs" subheader={summary(report)}>
      <Stack spacing={2}>
        {slos.demoData && (
          <Alert severity="info">
            Demo data: these SLO figures were generated from the demo scenario,
            not measured.
          </Alert>
        )}
        {slos.total === 0 ? (
          <NoSloData report={report} />
        ) : (
          <SloFigureTiles report={report} />
        )}
        <SloTrend report={report} />
        {slos.total > 0 && (
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
                  const below = slo.meetsObjective === false;
                  return (
                    <TableRow
                      key={`${slo.entityRef}/${slo.sloId}`}
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
                      <TableCell>
                        {slo.sloName}
                        {slo.firstDay > report.period.startDate && (
                          <Typography
                            variant="caption"
                            color="text.secondary"
                            display="block"
                          >
                            data since {formatDay(slo.firstDay)}
                          </Typography>
                        )}
                      </TableCell>
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
        {slos.total > slos.slos.length && (
          <Typography variant="body2" color="text.secondary">
            Listing the {slos.slos.length} SLOs with the least budget left of{' '}
            {slos.total}; the figures above cover all of them.
          </Typography>
        )}
      </Stack>
    </CardFrame>
  );
}
