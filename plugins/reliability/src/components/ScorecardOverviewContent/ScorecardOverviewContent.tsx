import { useEffect, useRef } from 'react';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Link as RouterLink,
  useLocation,
  useSearchParams,
} from 'react-router-dom';
import type { ScorecardOverviewResponse } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import { useScorecardOverview } from '../../hooks/useScorecards';
import { CardFrame } from '../CardFrame';
import { EvaluationRunChip } from '../EvaluationRunChip';
import { FailingCheckTeamsTable } from '../FailingCheckTeamsTable';
import { FailingChecksTable } from '../FailingChecksTable';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { LevelDistributionChips } from '../LevelDistributionChips';
import { LevelTrendChart } from '../LevelTrendChart';
import { RequestPending } from '../RequestPending';
import { RubricPreviewPanel } from '../RubricPreviewPanel';
import { StatTile } from '../StatTile';
import { TeamRankingTable } from '../TeamRankingTable';

export interface ScorecardOverviewContentProps {
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
  /**
   * Path of the team scorecards tab on group pages, where team names link;
   * `scorecards` by default (the demo app and the new frontend system).
   */
  groupTabPath?: string;
}

/** The teams a check fails for, when `?check=` names one. */
function CheckDrillDown(props: {
  response: ScorecardOverviewResponse;
  checkId: string;
  tabPath?: string;
}) {
  const { response, checkId, tabPath } = props;
  const { pathname } = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  // Opened from the list above or from a link: bring it into view.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [checkId]);
  const check = response.failingChecks.find(c => c.checkId === checkId);
  const title =
    check?.title ??
    response.rubric.checks.find(c => c.id === checkId)?.title ??
    checkId;
  return (
    <Grid item xs={12} ref={ref}>
      <CardFrame
        title={`Where “${title}” fails`}
        subheader="Teams with entities of their own failing it; open one to see them."
        action={
          <Link component={RouterLink} to={pathname} underline="hover">
            Close
          </Link>
        }
      >
        {check ? (
          <FailingCheckTeamsTable
            check={check}
            teams={response.teams}
            tabPath={tabPath}
          />
        ) : (
          <Typography variant="body2" color="text.secondary">
            “{title}” fails nowhere in the fleet now.
          </Typography>
        )}
      </CardFrame>
    </Grid>
  );
}

function Overview(props: {
  response: ScorecardOverviewResponse;
  now: Date;
  tabPath?: string;
}) {
  const { response, now, tabPath } = props;
  const { rubric } = response;
  const [params] = useSearchParams();
  const checkId = params.get('check')?.slice(0, 200) || undefined;
  const topLevel = rubric.levels[rubric.levels.length - 1];
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12}>
        <CardFrame
          title="Fleet"
          subheader={`${response.totalEntities} entities in scope, ${response.teams.length} teams`}
          action={
            <EvaluationRunChip
              lastEvaluatedAt={response.lastEvaluatedAt}
              now={now}
            />
          }
        >
          <Stack direction="row" spacing={2} useFlexGap flexWrap="wrap">
            <StatTile label="Entities" value={response.totalEntities} />
            <StatTile label="Teams" value={response.teams.length} />
            {topLevel && (
              <StatTile
                label={`At ${topLevel.title}`}
                value={response.distribution[topLevel.id] ?? 0}
              />
            )}
          </Stack>
          <LevelDistributionBar
            rubric={rubric}
            distribution={response.distribution}
            height={20}
          />
          <LevelDistributionChips
            rubric={rubric}
            distribution={response.distribution}
            label="Fleet level distribution"
          />
        </CardFrame>
      </Grid>
      {/* Full width each: both tables have several numeric columns and
          read badly when squeezed side by side. */}
      <Grid item xs={12}>
        <CardFrame
          title="Teams ranked"
          subheader="Each entity counts once, for the team that owns it directly; sub-teams are ranked on their own."
        >
          <TeamRankingTable
            rubric={rubric}
            teams={response.teams}
            tabPath={tabPath}
          />
        </CardFrame>
      </Grid>
      {(response.departments ?? []).length > 0 && (
        <Grid item xs={12}>
          <CardFrame
            title="Departments"
            subheader="Groups with sub-teams; their figures include everything their sub-teams own."
          >
            <TeamRankingTable
              rubric={rubric}
              teams={response.departments}
              label="Departments by average score, sub-teams included"
              nameHeading="Department"
              tabPath={tabPath}
            />
          </CardFrame>
        </Grid>
      )}
      <Grid item xs={12}>
        <CardFrame
          title="Checks failing most"
          subheader="Open a check to see the teams it fails for."
        >
          <FailingChecksTable
            rubric={rubric}
            checks={response.failingChecks}
            selectedCheckId={checkId}
          />
        </CardFrame>
      </Grid>
      {checkId && (
        <CheckDrillDown
          response={response}
          checkId={checkId}
          tabPath={tabPath}
        />
      )}
      <Grid item xs={12} lg={6}>
        <CardFrame title="Levels over time">
          <LevelTrendChart
            rubric={rubric}
            trend={response.trend}
            label="Fleet level distribution over time"
          />
        </CardFrame>
      </Grid>
      <Grid item xs={12} lg={6}>
        <CardFrame
          title="What if?"
          subheader="Preview a rubric change against the latest results before editing the config"
        >
          <RubricPreviewPanel rubric={rubric} />
        </CardFrame>
      </Grid>
    </Grid>
  );
}

/**
 * The organization's readiness at a glance: the fleet's level
 * distribution, every team ranked, the checks failing most, the trend, and
 * a preview of what a rubric change would do.
 */
export function ScorecardOverviewContent(props: ScorecardOverviewContentProps) {
  const now = useNow(props.now);
  const state = useScorecardOverview();
  const response = state.value;
  if (!response) {
    return (
      <CardFrame title="Readiness scorecards">
        <RequestPending
          state={state}
          loadingLabel="Loading the scorecard overview"
          rows={5}
          subject="the scorecard overview"
        />
      </CardFrame>
    );
  }
  if (response.totalEntities === 0) {
    return (
      <CardFrame title="Readiness scorecards">
        <Typography variant="body2" color="text.secondary">
          {response.lastEvaluatedAt
            ? 'No catalog entity is in scope of the scorecards. The platform team chooses kinds and checks under reliability.scorecards.'
            : 'Scorecards have not been evaluated yet; the first run starts a few minutes after the backend starts.'}
        </Typography>
      </CardFrame>
    );
  }
  return (
    <Overview response={response} now={now} tabPath={props.groupTabPath} />
  );
}
