import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { OnCallHealthResponse } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import { useGroupOnCallHealth } from '../../hooks/useReliabilityReport';
import {
  formatRelativeTime,
  formatReportPeriod,
  formatReportValue,
} from '../../utils';
import { AsOfChip } from '../AsOfChip';
import { CardFrame } from '../CardFrame';
import { CardLoading } from '../CardLoading';
import { NoisyServicesTable } from '../NoisyServicesTable';
import { OnCallLoadTable } from '../OnCallLoadTable';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { StatTile } from '../StatTile';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

/** @public */
export interface EntityOnCallHealthCardProps {
  /** Card title; "On-call health" by default. */
  title?: string;
  /**
   * How old the data may be before the card calls it stale, in hours; 24
   * by default (report data is synced at least daily).
   */
  staleAfterHours?: number;
  /** Noisy services listed at most, 5 by default. */
  noisyServices?: number;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function isStale(
  response: OnCallHealthResponse,
  now: Date,
  staleAfterHours: number,
): boolean {
  return (
    response.dataAsOf !== null &&
    now.getTime() - Date.parse(response.dataAsOf) > staleAfterHours * 3_600_000
  );
}

function totals(response: OnCallHealthResponse) {
  return response.rotations.reduce(
    (sum, rotation) => ({
      pages: sum.pages + rotation.pages,
      offHours: sum.offHours + rotation.offHoursPages,
      sleep: sum.sleep + rotation.sleepHoursPages,
    }),
    { pages: 0, offHours: 0, sleep: 0 },
  );
}

function HealthBody(props: {
  response: OnCallHealthResponse;
  now: Date;
  staleAfterHours: number;
  noisyServices: number;
}) {
  const { response, now, staleAfterHours, noisyServices } = props;
  const sum = totals(response);
  const { alertQuality } = response;
  const empty = response.rotations.length === 0 && alertQuality.total === 0;
  return (
    <>
      {response.dataAsOf === null && (
        <Alert severity="info">
          No on-call data has been synced yet; figures appear after the first
          sync.
        </Alert>
      )}
      {isStale(response, now, staleAfterHours) && (
        <Alert severity="warning">
          On-call data is stale: last synced{' '}
          {formatRelativeTime(response.dataAsOf!, now)}; figures may be out of
          date.
        </Alert>
      )}
      {response.warnings.map(warning => (
        <Alert key={warning} severity="warning">
          {warning}
        </Alert>
      ))}
      {empty ? (
        <Typography variant="body2" color="text.secondary">
          No pages and no incidents for this team's services in the last 28
          days. Services count once their entity maps to an on-call service (the{' '}
          <code>pagerduty.com/service-id</code> annotation).
        </Typography>
      ) : (
        <>
          <Box
            sx={{
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
            }}
          >
            <StatTile
              label="Pages"
              value={sum.pages}
              help="High-urgency incidents while somebody held a level-1 shift."
            />
            <StatTile
              label="Off-hours pages"
              value={sum.offHours}
              help="Pages outside the business hours of at least one person paged."
            />
            <StatTile
              label="Night pages"
              value={sum.sleep}
              help="Pages during the sleep hours of at least one person paged."
            />
            <StatTile
              label="Actionable incidents"
              value={formatReportValue(alertQuality.actionableShare, 'ratio')}
              detail={`${alertQuality.noise} of ${alertQuality.total} were noise`}
              help="Noise: never acknowledged, and resolved within minutes or automatically."
            />
          </Box>
          {response.rotations.length > 0 ? (
            <OnCallLoadTable rotations={response.rotations} />
          ) : (
            <Typography variant="body2" color="text.secondary">
              No on-call rotation of this team held a shift in the period.
            </Typography>
          )}
          {alertQuality.noisiestServices.length > 0 && (
            <Box>
              <Typography variant="subtitle1" component="h3">
                Noisiest services
              </Typography>
              <NoisyServicesTable
                noisiest={alertQuality.noisiestServices}
                services={response.services}
                limit={noisyServices}
              />
            </Box>
          )}
        </>
      )}
    </>
  );
}

/**
 * "Is on-call sustainable for this team?", for a group's page: pages per
 * rotation and person over the last 28 days, off-hours and night pages,
 * how evenly they fell, and the services whose alerts were noise.
 * @public
 */
export function EntityOnCallHealthCard(props: EntityOnCallHealthCardProps) {
  const {
    title = 'On-call health',
    staleAfterHours = 24,
    noisyServices = 5,
  } = props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const state = useGroupOnCallHealth(groupRef, isGroup);
  const response = state.value;

  let body;
  if (!isGroup) {
    body = (
      <Typography variant="body2" color="text.secondary">
        On-call health is shown for teams (group entities).
      </Typography>
    );
  } else if (response) {
    body = (
      <>
        {state.loading && (
          <LinearProgress aria-label="Loading on-call health" />
        )}
        {state.error && (
          <ReloadFailedAlert
            error={state.error}
            shownAsOf={response.dataAsOf ?? now.toISOString()}
            now={now}
            onRetry={state.retry}
          />
        )}
        <HealthBody
          response={response}
          now={now}
          staleAfterHours={staleAfterHours}
          noisyServices={noisyServices}
        />
      </>
    );
  } else if (state.error) {
    body = (
      <SummaryErrorPanel
        error={state.error}
        entityRef={groupRef}
        onRetry={state.retry}
      />
    );
  } else {
    body = <CardLoading label="Loading on-call health" />;
  }

  return (
    <CardFrame
      title={title}
      subheader={
        response
          ? `Last 28 days: ${formatReportPeriod(response.period)}`
          : 'Last 28 days'
      }
      action={
        response && (
          <AsOfChip
            asOf={response.dataAsOf}
            now={now}
            detail="When the on-call data was last synced"
            stale={isStale(response, now, staleAfterHours)}
          />
        )
      }
    >
      {body}
    </CardFrame>
  );
}
