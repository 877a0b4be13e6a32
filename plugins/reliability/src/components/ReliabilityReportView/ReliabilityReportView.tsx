import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import {
  formatDay,
  formatReportPeriod,
  periodLastDay,
  unlistedNote,
} from '../../utils';
import { AsOfChip } from '../AsOfChip';
import { CardFrame } from '../CardFrame';
import { OnCallLoadTable } from '../OnCallLoadTable';
import { ReportAlertQualitySection } from '../ReportAlertQualitySection';
import { ReportChangeFailureSection } from '../ReportChangeFailureSection';
import { ReportExportButtons } from '../ReportExportButtons';
import { ReportHeadlineTiles } from '../ReportHeadlineTiles';
import { ReportIncidentsSection } from '../ReportIncidentsSection';
import { ReportMoversSection } from '../ReportMoversSection';
import { ReportSloSection } from '../ReportSloSection';
import { ReportTrendCharts } from '../ReportTrendCharts';

export interface ReliabilityReportViewProps {
  report: ReliabilityReportResponse;
  now: Date;
}

function scopeLine(report: ReliabilityReportResponse): string {
  const { scope } = report;
  return `${scope.entityCount} ${
    scope.entityCount === 1 ? 'entity' : 'entities'
  }, ${scope.serviceCount} with on-call data${
    scope.kind === 'group' && scope.includesSubgroups
      ? ', sub-teams included'
      : ''
  }`;
}

/**
 * A loaded reliability report: what it covers and how fresh it is, the
 * headline figures against the previous period with the exports, then
 * SLOs, incidents, change failure rate, on-call load, alert quality, the
 * services that moved most and the twelve-month trend.
 */
export function ReliabilityReportView(props: ReliabilityReportViewProps) {
  const { report, now } = props;
  const { period, previousPeriod } = report;
  const unlistedRotations = unlistedNote(
    report.onCall.length,
    report.scope.rotationCount,
    { one: 'rotation', many: 'rotations' },
  );
  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Stack
          direction="row"
          spacing={1}
          alignItems="center"
          useFlexGap
          flexWrap="wrap"
        >
          <Typography variant="body2">
            {formatDay(period.startDate)} – {formatDay(periodLastDay(period))} (
            {period.timeZone}), compared with{' '}
            {formatReportPeriod(previousPeriod)} · {scopeLine(report)}
          </Typography>
          <AsOfChip
            asOf={report.dataAsOf}
            now={now}
            prefix="data as of"
            detail="When the report data was last synced"
          />
        </Stack>
        {report.historyStartsOn ? (
          <Typography variant="caption" color="text.secondary">
            Report data starts on {formatDay(report.historyStartsOn)}; months
            before it show no figures.
          </Typography>
        ) : (
          <Alert severity="info">
            No report data has been synced yet; figures appear after the first
            sync.
          </Alert>
        )}
        {report.warnings.map(warning => (
          <Alert key={warning} severity="warning">
            {warning}
          </Alert>
        ))}
      </Stack>
      <CardFrame
        title="Headline"
        subheader={`${formatReportPeriod(period)} against ${formatReportPeriod(
          previousPeriod,
        )}`}
      >
        {/* In the body, not the header's action slot: three buttons there
            squeezed the subheader into a narrow column at 1024 px. */}
        <ReportExportButtons report={report} />
        <ReportHeadlineTiles report={report} />
      </CardFrame>
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12}>
          <ReportSloSection report={report} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReportIncidentsSection report={report} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReportChangeFailureSection report={report} />
        </Grid>
        <Grid item xs={12}>
          <CardFrame
            title="On-call load"
            subheader="Pages: high-urgency incidents while somebody held a level-1 shift."
          >
            {report.onCall.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                No on-call rotations in scope.
              </Typography>
            ) : (
              <>
                <OnCallLoadTable rotations={report.onCall} />
                {unlistedRotations && (
                  <Typography variant="body2" color="text.secondary">
                    Most pages first; {unlistedRotations}.
                  </Typography>
                )}
              </>
            )}
          </CardFrame>
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReportAlertQualitySection report={report} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ReportMoversSection report={report} />
        </Grid>
        <Grid item xs={12}>
          <ReportTrendCharts trend={report.trend} />
        </Grid>
      </Grid>
    </Stack>
  );
}
