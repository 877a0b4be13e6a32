import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  SloEvaluationView,
  SloStatusView,
  SourceHealth,
} from '@preflight/plugin-reliability-common';
import { formatDuration } from '../../utils';
import { formatPercent } from '../../utils/formatPercent';
import { ExternalLink } from '../ExternalLink';
import { RelativeTime } from '../RelativeTime';
import { SloAlertChip } from '../SloAlertChip';
import { SloBudgetBar } from '../SloBudgetBar';
import { SloBurnDownChart } from '../SloBurnDownChart';
import { SloBurnRateTable } from '../SloBurnRateTable';
import { StatTile } from '../StatTile';

export interface SloPanelProps {
  slo: SloStatusView;
  /** Health of the metrics sources, so the status says when figures are stale. */
  sources?: SourceHealth[];
  now: Date;
}

// "resets in 3 days" for a calendar window; whole days, rounded up, so the
// last day reads "resets in 1 day" rather than "in 0 days".
function resetText(slo: SloStatusView, now: Date): string {
  if (!slo.windowEnd) {
    return '';
  }
  const days = Math.max(
    0,
    Math.ceil((Date.parse(slo.windowEnd) - now.getTime()) / 86_400_000),
  );
  if (days === 0) {
    return ' · resets now';
  }
  return ` · resets in ${days} day${days === 1 ? '' : 's'}`;
}

// Which policy the exported Prometheus alerts follow.
function alertPolicyText(slo: SloStatusView): string {
  if (!slo.alertPolicies || slo.alertPolicies.length === 0) {
    return 'Alerts: default multi-window burn-rate policy';
  }
  return `Alerts: ${slo.alertPolicies
    .map(policy => {
      const targets =
        policy.notificationTargets.length > 0
          ? ` → ${policy.notificationTargets.join(', ')}`
          : '';
      return `OpenSLO policy ${policy.displayName ?? policy.name} (${
        policy.severity
      }: ${policy.condition})${targets}`;
    })
    .join('; ')}`;
}

function objectiveText(slo: SloStatusView): string {
  const window = slo.rolling
    ? `rolling ${slo.window}`
    : `${slo.window} calendar`;
  const method = {
    Occurrences: '',
    Timeslices: ', timeslices',
    RatioTimeslices: ', average of timeslice ratios',
  }[slo.budgetingMethod];
  return `${formatPercent(slo.objective, 3)} over ${window}${method}`;
}

function timeToExhaustion(evaluation: SloEvaluationView): {
  value: string;
  detail?: string;
} {
  const seconds = evaluation.timeToExhaustionSeconds;
  if (seconds === 0) {
    return { value: 'exhausted' };
  }
  if (seconds === null || !Number.isFinite(seconds)) {
    // No traffic at all, or traffic without errors at the current rate.
    return evaluation.budgetRemaining === null
      ? { value: 'no data' }
      : {
          value: 'not burning',
          detail: `at the ${evaluation.currentBurnRateWindow} burn rate`,
        };
  }
  return {
    value: formatDuration(seconds),
    detail: `at the ${evaluation.currentBurnRateWindow} burn rate`,
  };
}

function SloFigures(props: {
  slo: SloStatusView;
  evaluation: SloEvaluationView;
}) {
  const { slo, evaluation } = props;
  const exhaustion = timeToExhaustion(evaluation);
  return (
    // A CSS grid, not MUI's Grid: inside a Stack, Grid's negative margins
    // are lost and the last tile touches the frame. Columns follow the
    // panel's width, not the window's.
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
        '& > *': { height: '100%', boxSizing: 'border-box' },
      }}
    >
      <StatTile
        label="Attainment"
        value={formatPercent(evaluation.attainment, 3)}
        detail={`over ${slo.window}`}
        help="Share of good events over the SLO window."
      />
      <SloBudgetBar budgetRemaining={evaluation.budgetRemaining} />
      <StatTile
        label="Time to exhaustion"
        value={exhaustion.value}
        detail={exhaustion.detail}
        help="How long the remaining budget lasts if the current burn rate holds."
      />
    </Box>
  );
}

/**
 * One SLO: objective, alert state, attainment, error budget, time to
 * exhaustion, burn rates and alert rows, the burn-down chart, links to its
 * queries, and why its last measurement failed.
 */
export function SloPanel(props: SloPanelProps) {
  const { slo, now } = props;
  const { evaluation } = slo;
  return (
    <Box
      component="article"
      aria-label={slo.displayName}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Stack spacing={2}>
        <Stack
          direction="row"
          spacing={2}
          alignItems="flex-start"
          justifyContent="space-between"
        >
          <Box>
            <Typography variant="h6" component="h3">
              {slo.displayName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {objectiveText(slo)}
              {resetText(slo, now)}
              {slo.description && ` · ${slo.description}`}
            </Typography>
          </Box>
          <SloAlertChip slo={slo} sources={props.sources} />
        </Stack>

        {slo.errors.map((error, index) => (
          <Alert key={`e${index}`} severity="error">
            {error}
          </Alert>
        ))}
        {slo.warnings.map((warning, index) => (
          <Alert key={`w${index}`} severity="warning">
            {warning}
          </Alert>
        ))}
        {slo.state === 'error' && evaluation && slo.evaluatedAt && (
          <Typography variant="body2" color="text.secondary">
            Showing the last good measurement, from{' '}
            <RelativeTime value={slo.evaluatedAt} now={now} />.
          </Typography>
        )}
        {slo.state === 'awaiting-sync' && !evaluation && (
          <Typography variant="body2" color="text.secondary">
            Awaiting the first sync: this SLO has not been measured yet.
          </Typography>
        )}
        {slo.state === 'no-data' && (
          <Typography variant="body2" color="text.secondary">
            No data: no traffic over the window, so attainment and budget cannot
            be computed.
          </Typography>
        )}

        {evaluation && (
          <>
            <SloFigures slo={slo} evaluation={evaluation} />
            <SloBurnRateTable
              sloName={slo.displayName}
              evaluation={evaluation}
            />
            <SloBurnDownChart
              sloName={slo.displayName}
              points={slo.burnDown}
              windowEnd={slo.windowEnd}
            />
          </>
        )}

        <Typography variant="body2" color="text.secondary">
          {alertPolicyText(slo)}
        </Typography>

        {slo.queryLinks.length > 0 && (
          <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
            {slo.queryLinks.map(link => (
              <ExternalLink key={link.url} href={link.url}>
                {link.title}
              </ExternalLink>
            ))}
          </Stack>
        )}
        <Typography variant="caption" color="text.secondary">
          From <code>{slo.file}</code>
          {slo.evaluatedAt && slo.state !== 'error' && (
            <>
              {' · measured '}
              <RelativeTime value={slo.evaluatedAt} now={now} />
            </>
          )}
        </Typography>
      </Stack>
    </Box>
  );
}
