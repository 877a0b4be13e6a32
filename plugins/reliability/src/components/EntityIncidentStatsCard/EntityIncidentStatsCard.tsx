import Typography from '@mui/material/Typography';
import { useEntityReliabilitySummary, useNow } from '../../hooks';
import { CardFrame } from '../CardFrame';
import { CardLoading } from '../CardLoading';
import { IncidentStatsSection } from '../IncidentStatsSection';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

/** @public */
export interface EntityIncidentStatsCardProps {
  /** Card title; "Incidents" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/**
 * Open incidents, MTTA, MTTR and pages per shift of the current entity's
 * PagerDuty service, on their own card.
 * @public
 */
export function EntityIncidentStatsCard(props: EntityIncidentStatsCardProps) {
  const { title = 'Incidents' } = props;
  const now = useNow(props.now);
  const state = useEntityReliabilitySummary();
  const { summary } = state;
  let body;
  if (!summary) {
    body = state.error ? (
      <SummaryErrorPanel
        error={state.error}
        entityRef={state.entityRef}
        onRetry={state.retry}
      />
    ) : (
      <CardLoading label="Loading incidents" rows={2} />
    );
  } else if (summary.onCall.incidents) {
    body = (
      <IncidentStatsSection
        stats={summary.onCall.incidents}
        now={now}
        withHeading={false}
      />
    );
  } else {
    body = (
      <Typography variant="body2" color="text.secondary">
        Incident figures appear once this entity is linked to a PagerDuty
        service that has synced.
      </Typography>
    );
  }
  const windowDays = summary?.onCall.incidents?.windowDays;
  return (
    <CardFrame
      title={title}
      subheader={windowDays ? `last ${windowDays} days` : undefined}
    >
      {body}
    </CardFrame>
  );
}
