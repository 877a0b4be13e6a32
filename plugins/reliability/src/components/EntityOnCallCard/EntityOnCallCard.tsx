import type { EntityReliabilitySummary } from '@preflight/plugin-reliability-common';
import {
  EntityReliabilitySummaryState,
  useEntityReliabilitySummary,
  useNow,
} from '../../hooks';
import { CardFrame } from '../CardFrame';
import { CardLoading } from '../CardLoading';
import { EscalationLevelList } from '../EscalationLevelList';
import { FreshnessBadge } from '../FreshnessBadge';
import { IncidentStatsSection } from '../IncidentStatsSection';
import { MetadataProblemAlert } from '../MetadataProblemAlert';
import { OnCallStateMessage } from '../OnCallStateMessage';
import { OwnerInfo } from '../OwnerInfo';
import { RefreshButton } from '../RefreshButton';
import { RefreshErrorAlert } from '../RefreshErrorAlert';
import { ServiceOverview } from '../ServiceOverview';
import { StaleWarning } from '../StaleWarning';
import { SummaryErrorPanel } from '../SummaryErrorPanel';

/** @public */
export interface EntityOnCallCardProps {
  /** Card title; "On call" by default. */
  title?: string;
  /**
   * Show open incidents and MTTA/MTTR in this card. Turn off where an
   * incident card sits next to it, as on the reliability tab.
   */
  showIncidents?: boolean;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/**
 * Whether the card shows source data (and so its age), and an upstream
 * refresh can help: not for missing or broken metadata.
 */
function canRefresh(summary: EntityReliabilitySummary | undefined): boolean {
  return (
    summary !== undefined &&
    summary.onCall.state !== 'not-configured' &&
    summary.onCall.state !== 'malformed'
  );
}

/** Metadata problems this card shows besides the on-call annotation's own. */
function otherProblems(summary: EntityReliabilitySummary) {
  return summary.problems.filter(
    problem =>
      !problem.field.startsWith('metadata.links') &&
      !(
        summary.onCall.problem &&
        problem.field === summary.onCall.problem.field &&
        problem.message === summary.onCall.problem.message
      ),
  );
}

function OnCallCardBody(props: {
  state: EntityReliabilitySummaryState;
  showIncidents: boolean;
  now: Date;
}) {
  const { state, showIncidents, now } = props;
  const { summary } = state;
  if (!summary) {
    if (state.error) {
      return (
        <SummaryErrorPanel
          error={state.error}
          entityRef={state.entityRef}
          onRetry={state.retry}
        />
      );
    }
    return <CardLoading label="Loading on-call" />;
  }
  const { onCall } = summary;
  const showData = onCall.state === 'ok' || onCall.state === 'unknown-service';
  return (
    <>
      {state.refreshError && (
        <RefreshErrorAlert
          error={state.refreshError}
          now={now}
          onClose={state.dismissRefreshError}
        />
      )}
      {showData &&
        summary.sources
          .filter(source => source.stale && source.lastSuccessAt)
          .map(source => (
            <StaleWarning key={source.id} source={source} now={now} />
          ))}
      {onCall.state === 'ok' ? (
        <>
          <ServiceOverview onCall={onCall} owner={summary.owner} />
          {onCall.escalationPolicy && (
            <EscalationLevelList policy={onCall.escalationPolicy} now={now} />
          )}
          {showIncidents && onCall.incidents && (
            <IncidentStatsSection stats={onCall.incidents} now={now} />
          )}
        </>
      ) : (
        <>
          <OnCallStateMessage
            onCall={onCall}
            sources={summary.sources}
            now={now}
          />
          <OwnerInfo owner={summary.owner} />
        </>
      )}
      {otherProblems(summary).map(problem => (
        <MetadataProblemAlert
          key={`${problem.field}:${problem.message}`}
          problem={problem}
        />
      ))}
    </>
  );
}

/**
 * Who is on call for the current entity, level by level, with how to reach
 * them, the next handoff, the PagerDuty service and policy, the owning team
 * and incident figures; or, when that cannot be shown, why and how to fix
 * it.
 * @public
 */
export function EntityOnCallCard(props: EntityOnCallCardProps) {
  const { title = 'On call', showIncidents = true } = props;
  const now = useNow(props.now);
  const state = useEntityReliabilitySummary();
  const { summary } = state;
  return (
    <CardFrame
      title={title}
      action={
        summary &&
        canRefresh(summary) && (
          <>
            <FreshnessBadge
              sources={summary.sources}
              sourceId={summary.onCall.sourceId}
              now={now}
            />
            <RefreshButton
              refreshing={state.refreshing}
              onRefresh={() => {
                state.refresh();
              }}
            />
          </>
        )
      }
    >
      <OnCallCardBody state={state} showIncidents={showIncidents} now={now} />
    </CardFrame>
  );
}
