import { useState } from 'react';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReliabilityReportResponse } from '@preflight/plugin-reliability-common';
import type { ReliabilityReportQuery } from '../../api';
import type { RequestState } from '../../hooks/useEntitySlos';
import { useNow } from '../../hooks';
import {
  ReportSubject,
  useReliabilityReport,
} from '../../hooks/useReliabilityReport';
import { formatReportPeriod, lastWholeMonth } from '../../utils';
import { CardLoading } from '../CardLoading';
import { ReliabilityReportView } from '../ReliabilityReportView';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { ReportPeriodPicker } from '../ReportPeriodPicker';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

/** @public */
export interface ReliabilityReportContentProps {
  subject: ReportSubject;
  /** IANA zone of the day boundaries; the backend's default when left out. */
  timeZone?: string;
  /** Pins the clock (tests, screenshots). */
  now?: Date;
}

function ReportBody(props: {
  state: RequestState<ReliabilityReportResponse>;
  now: Date;
}) {
  const { state, now } = props;
  if (state.value) {
    return <ReliabilityReportView report={state.value} now={now} />;
  }
  if (state.error) {
    return (
      <SummaryErrorPanel
        error={state.error}
        entityRef={state.entityRef}
        onRetry={state.retry}
      />
    );
  }
  return <CardLoading label="Loading reliability report" rows={4} />;
}

/**
 * A reliability report with its month picker: the last whole month at
 * first (the backend's default), then whichever month is picked.
 */
export function ReliabilityReportContent(props: ReliabilityReportContentProps) {
  const { subject, timeZone } = props;
  const now = useNow(props.now);
  // Undefined until a month is picked: the backend then reports its own
  // last whole month, in its zone, rather than one guessed in the browser.
  const [month, setMonth] = useState<string>();
  const query: ReliabilityReportQuery = { month, timeZone };
  const state = useReliabilityReport(subject, query);
  const report = state.value;
  const max = lastWholeMonth(now);
  const shown =
    month ??
    (report?.period.kind === 'month'
      ? report.period.startDate.slice(0, 7)
      : max);
  const min = report?.historyStartsOn?.slice(0, 7);

  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        spacing={2}
        alignItems="center"
        justifyContent="space-between"
        useFlexGap
        flexWrap="wrap"
      >
        <Typography variant="h5" component="h2">
          {report
            ? `${report.scope.title}: ${formatReportPeriod(report.period)}`
            : 'Reliability report'}
        </Typography>
        <ReportPeriodPicker
          month={shown}
          onChange={setMonth}
          max={max > shown ? max : shown}
          min={min !== undefined && min > shown ? shown : min}
        />
      </Stack>
      {report && state.loading && (
        <LinearProgress aria-label="Loading reliability report" />
      )}
      {report && state.error && (
        <ReloadFailedAlert
          error={state.error}
          shownAsOf={report.generatedAt}
          now={now}
          onRetry={state.retry}
        />
      )}
      <ReportBody state={state} now={now} />
    </Stack>
  );
}
