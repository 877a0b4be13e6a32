import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ScorecardOverviewResponse } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import { useScorecardOverview } from '../../hooks/useScorecards';
import { CardFrame } from '../CardFrame';
import { EvaluationRunChip } from '../EvaluationRunChip';
import { FailingChecksTable } from '../FailingChecksTable';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { LevelDistributionChips } from '../LevelDistributionChips';
import { LevelTrendChart } from '../LevelTrendChart';
import { RequestPending } from '../RequestPending';
import { RubricPreviewPanel } from '../RubricPreviewPanel';
import { StatTile } from '../StatTile';
import { TeamRankingTable } from '../TeamRankingTable';

/** @public */
export interface ScorecardOverviewContentProps {
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function Overview(props: { response: ScorecardOverviewResponse; now: Date }) {
  const { response, now } = props;
  const { rubric } = response;
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
          <TeamRankingTable rubric={rubric} teams={response.teams} />
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
            />
          </CardFrame>
        </Grid>
      )}
      <Grid item xs={12}>
        <CardFrame title="Checks failing most">
          <FailingChecksTable rubric={rubric} checks={response.failingChecks} />
        </CardFrame>
      </Grid>
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
 * @public
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
  return <Overview response={response} now={now} />;
}
