import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  EntityOnCall,
  EntityReliabilitySummary,
} from '@preflight/plugin-reliability-common';
import { useEntityReliabilitySummary, useNow } from '../../hooks';
import { useDeployGate, useEntitySlos } from '../../hooks/useEntitySlos';
import { useEntityScorecard } from '../../hooks/useScorecards';
import { isSloAvailable } from '../../isSloAvailable';
import { formatDateTime, worstSlo } from '../../utils';
import { formatBudgetRemaining } from '../../utils/formatPercent';
import { AsOfChip } from '../AsOfChip';
import { deployGateVerdict } from '../DeployGateLine/deployGateVerdict';
import { CardFrame } from '../CardFrame';
import { FreshnessBadge } from '../FreshnessBadge';
import { PersonContact } from '../PersonContact';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';
import { SloAlertChip } from '../SloAlertChip';
import { GlanceTile } from './GlanceTile';

/** @public */
export interface EntityReliabilityGlanceCardProps {
  /** Card title; "Reliability at a glance" by default. */
  title?: string;
  /**
   * Where the details are, relative to the entity page: the path the
   * reliability tab is mounted at, "reliability" by default.
   */
  detailsPath?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function Pending(props: { what: string; error?: Error }) {
  return (
    <Typography
      variant="body2"
      color={props.error ? 'error' : 'text.secondary'}
      role="status"
    >
      {props.error
        ? `${props.what} unavailable: ${props.error.message}`
        : `Loading ${props.what}…`}
    </Typography>
  );
}

function checksToFix(count: number): string {
  return count === 1 ? '1 check to fix' : `${count} checks to fix`;
}

const ON_CALL_STATE_TEXT: Record<EntityOnCall['state'], string> = {
  ok: '',
  'not-configured': 'No PagerDuty service linked.',
  malformed: 'The PagerDuty annotation is invalid; see the details.',
  'unknown-service': 'PagerDuty does not know this service id.',
  'awaiting-sync': 'Waiting for the first PagerDuty sync.',
};

function OnCallNow(props: { summary: EntityReliabilitySummary }) {
  const { onCall } = props.summary;
  if (onCall.state !== 'ok') {
    return (
      <Typography variant="body2" color="text.secondary">
        {ON_CALL_STATE_TEXT[onCall.state]}
      </Typography>
    );
  }
  const first = onCall.escalationPolicy?.levels.find(
    level => level.level === 1,
  );
  if (!first || first.onCallNow.length === 0) {
    return (
      <Typography variant="body2" color="error" sx={{ fontWeight: 600 }}>
        Nobody is on call at level 1: a page would go unanswered.
      </Typography>
    );
  }
  return (
    <Stack spacing={1}>
      {first.onCallNow.map(assignment => (
        <PersonContact
          key={assignment.person.id}
          person={assignment.person}
          dense
        />
      ))}
    </Stack>
  );
}

function OpenIncidents(props: { summary: EntityReliabilitySummary }) {
  const stats = props.summary.onCall.incidents;
  if (!stats) {
    return (
      <Typography variant="body2" color="text.secondary">
        No incident figures: no synced PagerDuty service.
      </Typography>
    );
  }
  const high = stats.open.filter(incident => incident.urgency === 'high');
  if (stats.open.length === 0) {
    return (
      <Typography variant="h6" component="p">
        None open
      </Typography>
    );
  }
  return (
    <>
      <Typography
        variant="h6"
        component="p"
        color={high.length > 0 ? 'error' : 'text.primary'}
      >
        {stats.open.length} open
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {high.length > 0 ? `${high.length} high urgency` : 'all low urgency'}
      </Typography>
    </>
  );
}

/**
 * The entity's reliability in one card for the top of the overview: who
 * is on call at level 1 now and how to reach them, open incidents, the
 * worst SLO with its budget and status, whether deploys are allowed, and
 * the readiness level, each with how fresh it is and a link to the
 * details. Reads only the stored data Preflight's backend serves.
 * @public
 */
export function EntityReliabilityGlanceCard(
  props: EntityReliabilityGlanceCardProps,
) {
  const { title = 'Reliability at a glance', detailsPath = 'reliability' } =
    props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const hasSlos = isSloAvailable(entity);
  const summaryState = useEntityReliabilitySummary();
  const slos = useEntitySlos(entityRef, hasSlos);
  const gate = useDeployGate(
    entityRef,
    hasSlos && (slos.value?.slos.length ?? 0) > 0,
  );
  const verdict = gate.value && deployGateVerdict(gate.value);
  const scorecard = useEntityScorecard(entityRef);
  const { summary } = summaryState;

  const onCallFreshness = summary && summary.onCall.sourceId && (
    <FreshnessBadge
      sources={summary.sources}
      sourceId={summary.onCall.sourceId}
      now={now}
    />
  );
  const worst = slos.value && worstSlo(slos.value.slos, slos.value.sources);
  const scorecardValue = scorecard.value;

  return (
    <CardFrame
      title={title}
      action={
        <Link component={RouterLink} to={detailsPath} underline="hover">
          All reliability details
        </Link>
      }
    >
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          // Follows the card's width, not the window's.
          gridTemplateColumns: 'repeat(auto-fit, minmax(13rem, 1fr))',
        }}
      >
        <GlanceTile label="On call now (level 1)" freshness={onCallFreshness}>
          {summary ? (
            <OnCallNow summary={summary} />
          ) : (
            <Pending what="on-call" error={summaryState.error} />
          )}
        </GlanceTile>

        <GlanceTile label="Open incidents" freshness={onCallFreshness}>
          {summary ? (
            <OpenIncidents summary={summary} />
          ) : (
            <Pending what="incidents" error={summaryState.error} />
          )}
        </GlanceTile>

        {hasSlos && (
          <GlanceTile
            label="Worst SLO"
            freshness={
              worst && (
                <AsOfChip
                  asOf={worst.slo.evaluatedAt}
                  now={now}
                  prefix="measured"
                  missingLabel="not measured yet"
                  stale={worst.health.stale}
                  detail={
                    worst.slo.evaluatedAt
                      ? `Measured ${formatDateTime(worst.slo.evaluatedAt)}`
                      : 'Not measured yet'
                  }
                />
              )
            }
          >
            {!slos.value && <Pending what="SLOs" error={slos.error} />}
            {slos.value && !worst && (
              <Typography variant="body2" color="text.secondary">
                No SLO could be read; see the details.
              </Typography>
            )}
            {worst && (
              <Stack spacing={0.5} alignItems="flex-start">
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {worst.slo.displayName}
                </Typography>
                <Typography variant="body2">
                  Error budget:{' '}
                  {formatBudgetRemaining(
                    worst.slo.evaluation?.budgetRemaining ?? null,
                  )}
                </Typography>
                <SloAlertChip slo={worst.slo} sources={slos.value?.sources} />
              </Stack>
            )}
          </GlanceTile>
        )}

        {hasSlos && (
          <GlanceTile
            label="Deploy gate"
            freshness={
              gate.value && (
                <AsOfChip
                  asOf={gate.value.evaluatedAt}
                  now={now}
                  prefix="judged"
                  detail={`Judged ${formatDateTime(gate.value.evaluatedAt)}`}
                />
              )
            }
          >
            {!gate.value && (
              <Pending what="deploy gate" error={gate.error ?? slos.error} />
            )}
            {verdict && gate.value && (
              <Stack spacing={0.5} alignItems="flex-start">
                <Chip
                  label={verdict.headline}
                  color={verdict.severity}
                  sx={{ fontWeight: 600 }}
                />
                {gate.value.reasons.length > 0 && (
                  <Typography variant="body2">
                    {gate.value.reasons[0].message}
                    {gate.value.reasons.length > 1 &&
                      ` (and ${gate.value.reasons.length - 1} more)`}
                  </Typography>
                )}
              </Stack>
            )}
          </GlanceTile>
        )}

        {scorecardValue?.state !== 'not-in-scope' && (
          <GlanceTile
            label="Readiness level"
            freshness={
              scorecardValue?.scorecard && (
                <AsOfChip
                  asOf={
                    scorecardValue.lastCheckedAt ??
                    scorecardValue.scorecard.evaluatedAt
                  }
                  now={now}
                  prefix="evaluated"
                  stale={scorecardValue.stale}
                  detail={`Checks last ran ${formatDateTime(
                    scorecardValue.lastCheckedAt ??
                      scorecardValue.scorecard.evaluatedAt,
                  )}`}
                />
              )
            }
          >
            {!scorecardValue && (
              <Pending what="scorecard" error={scorecard.error} />
            )}
            {scorecardValue && !scorecardValue.scorecard && (
              <Typography variant="body2" color="text.secondary">
                Awaiting the first evaluation.
              </Typography>
            )}
            {scorecardValue?.scorecard && (
              <Stack spacing={0.5} alignItems="flex-start">
                <ScorecardLevelBadge
                  rubric={scorecardValue.rubric}
                  levelId={scorecardValue.scorecard.level?.id ?? null}
                  size="medium"
                />
                <Typography variant="body2">
                  Score {scorecardValue.scorecard.score}%
                  {scorecardValue.scorecard.nextLevel &&
                    `; ${checksToFix(
                      scorecardValue.scorecard.nextLevel.blockingCheckIds
                        .length,
                    )} for ${scorecardValue.scorecard.nextLevel.title}`}
                </Typography>
              </Stack>
            )}
          </GlanceTile>
        )}
      </Box>
    </CardFrame>
  );
}
