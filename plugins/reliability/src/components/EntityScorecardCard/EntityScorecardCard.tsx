import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  EntityScorecard,
  EntityScorecardResponse,
} from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import type { RequestState } from '../../hooks/useKeyedRequest';
import { useEntityScorecard } from '../../hooks/useScorecards';
import { formatDateTime, formatDay, isBlocking } from '../../utils';
import { AsOfChip } from '../AsOfChip';
import { CardFrame } from '../CardFrame';
import { NextLevelLine } from '../NextLevelLine';
import { RequestPending } from '../RequestPending';
import { ScorecardCheckList } from '../ScorecardCheckList';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';
import { ScorecardSparkline } from '../ScorecardSparkline';
import { RelativeTime } from '../RelativeTime';
import { ScorecardStaleAlert } from '../ScorecardStaleAlert';
import { StatTile } from '../StatTile';

/** @public */
export interface EntityScorecardCardProps {
  /** Card title; "Readiness scorecard" by default. */
  title?: string;
  /**
   * Render nothing for entities no check applies to, instead of saying so;
   * for pages that show the card on every kind.
   */
  hideWhenNotInScope?: boolean;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function CountChips(props: { scorecard: EntityScorecard }) {
  const { counts } = props.scorecard;
  const failing = props.scorecard.checks.filter(
    check => !check.passing && check.state !== 'not-applicable',
  ).length;
  const chips: Array<
    [string, number, 'success' | 'error' | 'warning' | 'info']
  > = [
    ['passing', counts.pass, 'success'],
    ['failing', failing, 'error'],
    ['warnings', counts.warning, 'warning'],
    ['exempt', counts.exempt, 'info'],
  ];
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
      {chips
        .filter(([, count]) => count > 0)
        .map(([label, count, color]) => (
          <Chip
            key={label}
            size="small"
            variant="outlined"
            color={color}
            label={`${count} ${label}`}
          />
        ))}
      {counts.error > 0 && (
        <Chip
          size="small"
          variant="outlined"
          color="error"
          label={`${counts.error} in error`}
        />
      )}
    </Stack>
  );
}

function ScorecardBody(props: {
  response: EntityScorecardResponse;
  scorecard: EntityScorecard;
  now: Date;
}) {
  const { response, scorecard, now } = props;
  const [failingOnly, setFailingOnly] = useState(false);
  const failingCount = scorecard.checks.filter(isBlocking).length;
  const shownChecks = failingOnly
    ? scorecard.checks.filter(isBlocking)
    : scorecard.checks;
  const history = response.history;
  return (
    <>
      {response.stale && (
        <ScorecardStaleAlert
          scorecard={scorecard}
          rubricVersion={response.rubric.version}
          now={now}
        />
      )}
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        flexWrap="wrap"
        alignItems="center"
      >
        <Box sx={{ minWidth: 120 }}>
          <Typography
            variant="caption"
            color="text.secondary"
            component="div"
            sx={{ mb: 0.5 }}
          >
            Level
          </Typography>
          <ScorecardLevelBadge
            rubric={response.rubric}
            levelId={scorecard.level?.id ?? null}
            size="medium"
          />
        </Box>
        <StatTile
          label="Score"
          value={`${scorecard.score}%`}
          help="Share of the checks that apply to this entity that pass, warn or are exempt."
        />
        <Stack spacing={1} sx={{ flex: 1, minWidth: 180 }}>
          <CountChips scorecard={scorecard} />
        </Stack>
        {history.length > 0 && (
          <Box>
            <Typography
              variant="caption"
              color="text.secondary"
              component="div"
            >
              Score over time
            </Typography>
            <ScorecardSparkline history={history} />
            <Typography
              variant="caption"
              color="text.secondary"
              component="div"
            >
              {history.length === 1
                ? `History starts ${formatDay(history[0].day)}`
                : `Since ${formatDay(history[0].day)}`}
            </Typography>
          </Box>
        )}
      </Stack>
      <NextLevelLine scorecard={scorecard} />
      <FormControlLabel
        control={
          <Switch
            checked={failingOnly}
            onChange={event => setFailingOnly(event.target.checked)}
          />
        }
        label={`Failing checks only (${failingCount})`}
      />
      {failingOnly && failingCount === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No check fails.
        </Typography>
      ) : (
        <ScorecardCheckList
          checks={shownChecks}
          rubric={response.rubric}
          now={now}
        />
      )}
    </>
  );
}

function CardBody(props: {
  state: RequestState<EntityScorecardResponse>;
  now: Date;
}) {
  const { state, now } = props;
  const response = state.value;
  if (!response) {
    return (
      <RequestPending state={state} loadingLabel="Loading scorecard" rows={4} />
    );
  }
  if (response.state === 'not-in-scope') {
    return (
      <Typography variant="body2" color="text.secondary">
        Readiness scorecards do not cover this entity: no configured check
        applies to its kind. The platform team chooses the kinds in{' '}
        <code>reliability.scorecards.kinds</code>.
      </Typography>
    );
  }
  if (response.state === 'awaiting-evaluation' || !response.scorecard) {
    return (
      <Alert severity="info">
        <AlertTitle>Awaiting evaluation</AlertTitle>
        Scorecards are evaluated every few minutes and after each on-call and
        SLO sync. This entity has not been evaluated yet; its scorecard shows
        here after the next run.
      </Alert>
    );
  }
  return (
    <ScorecardBody
      response={response}
      scorecard={response.scorecard}
      now={now}
    />
  );
}

function subheader(response: EntityScorecardResponse | undefined, now: Date) {
  const scorecard = response?.scorecard;
  if (!scorecard) {
    return undefined;
  }
  const applicable = scorecard.checks.filter(
    check => check.state !== 'not-applicable',
  );
  const passing = applicable.filter(check => check.passing).length;
  const changed = response?.lastChangedAt;
  return (
    <>
      {passing} of {applicable.length} applicable checks pass
      {changed && (
        <>
          {' · last changed '}
          <RelativeTime value={changed} now={now} />
        </>
      )}
    </>
  );
}

/**
 * The entity's production-readiness scorecard: the level reached and the
 * score, what the next level needs, every check grouped by category with
 * what fails first, each failing check's facts with their age and how to
 * fix it, exemptions, and how fresh the evaluation is.
 * @public
 */
export function EntityScorecardCard(props: EntityScorecardCardProps) {
  const { title = 'Readiness scorecard', hideWhenNotInScope = false } = props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const state = useEntityScorecard(stringifyEntityRef(entity));
  const response = state.value;
  if (hideWhenNotInScope && response?.state === 'not-in-scope') {
    return null;
  }
  const scorecard = response?.scorecard;
  return (
    <CardFrame
      title={title}
      subheader={subheader(response, now)}
      action={
        scorecard && (
          <AsOfChip
            asOf={response?.lastCheckedAt ?? scorecard.evaluatedAt}
            now={now}
            prefix="evaluated"
            detail={`Last evaluated ${formatDateTime(
              response?.lastCheckedAt ?? scorecard.evaluatedAt,
            )}; results last computed ${formatDateTime(scorecard.evaluatedAt)}`}
            stale={response?.stale}
          />
        )
      }
    >
      <CardBody state={state} now={now} />
    </CardFrame>
  );
}
