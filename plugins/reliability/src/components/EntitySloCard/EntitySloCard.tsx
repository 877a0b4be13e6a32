import Typography from '@mui/material/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { EntitySlosResponse } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import {
  RequestState,
  useDeployGate,
  useEntitySlos,
} from '../../hooks/useEntitySlos';
import { CardFrame } from '../CardFrame';
import { DeployGateLine } from '../DeployGateLine';
import { DownloadSloRulesButton } from '../DownloadSloRulesButton';
import { FreshnessBadge } from '../FreshnessBadge';
import { RequestPending } from '../RequestPending';
import { SloHowTo } from '../SloHowTo';
import { SloPanel } from '../SloPanel';
import { SloProblemList } from '../SloProblemList';
import { SloSourcePendingAlert } from '../SloSourcePendingAlert';
import { StaleWarning } from '../StaleWarning';

/** @public */
export interface EntitySloCardProps {
  /** Card title; "SLOs" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function subheader(response: EntitySlosResponse | undefined) {
  const count = response?.slos.length ?? 0;
  if (count === 0) {
    return undefined;
  }
  const burning = response!.slos.filter(slo =>
    ['page', 'ticket'].includes(slo.evaluation?.alerts.state ?? ''),
  ).length;
  return `${count} SLO${count === 1 ? '' : 's'}${
    burning > 0 ? `, ${burning} burning` : ''
  }`;
}

function SloCardBody(props: {
  slos: RequestState<EntitySlosResponse>;
  entityRef: string;
  now: Date;
}) {
  const { slos, entityRef, now } = props;
  const response = slos.value;
  const gate = useDeployGate(entityRef, (response?.slos.length ?? 0) > 0);
  if (!response) {
    return (
      <RequestPending
        state={slos}
        loadingLabel="Loading SLOs"
        subject={entityRef}
      />
    );
  }
  const syncing = response.sources.filter(source => !source.lastSuccessAt);
  const allAwaiting = response.slos.every(slo => slo.state === 'awaiting-sync');
  return (
    <>
      {response.sources
        .filter(source => source.stale && source.lastSuccessAt)
        .map(source => (
          <StaleWarning key={source.id} source={source} now={now} />
        ))}
      {response.slos.length > 0 && <DeployGateLine gate={gate} />}
      <SloProblemList problems={response.problems} />
      {response.slos.length === 0 && response.problems.length === 0 && (
        <SloHowTo />
      )}
      {response.slos.length > 0 &&
        syncing
          // A failing source is news whatever its SLOs show; a first sync
          // still on its way only while nothing has been measured.
          .filter(source => source.lastError || allAwaiting)
          .map(source => (
            <SloSourcePendingAlert key={source.id} source={source} now={now} />
          ))}
      {response.slos.map(slo => (
        <SloPanel key={slo.id} slo={slo} sources={response.sources} now={now} />
      ))}
      {response.slos.length === 0 && response.problems.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          No SLO could be read; fix the problems above.
        </Typography>
      )}
    </>
  );
}

/**
 * The entity's SLOs measured from Prometheus: per SLO its objective,
 * attainment, error budget, burn rates with the alert state and a burn-down
 * chart; for the entity the deploy gate and the Prometheus rules to
 * download. Says why when there is nothing to show.
 * @public
 */
export function EntitySloCard(props: EntitySloCardProps) {
  const { title = 'SLOs' } = props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const slos = useEntitySlos(entityRef);
  const response = slos.value;
  return (
    <CardFrame
      title={title}
      subheader={subheader(response)}
      action={
        response && (
          <>
            {response.sources.length > 0 && (
              <FreshnessBadge sources={response.sources} now={now} />
            )}
            {response.slos.length > 0 && (
              <DownloadSloRulesButton entityRef={entityRef} />
            )}
          </>
        )
      }
    >
      <SloCardBody slos={slos} entityRef={entityRef} now={now} />
    </CardFrame>
  );
}
