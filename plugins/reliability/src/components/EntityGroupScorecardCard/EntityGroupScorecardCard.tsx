import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { GroupScorecardResponse } from '@preflight/plugin-reliability-common';
import { useNow } from '../../hooks';
import type { RequestState } from '../../hooks/useEntitySlos';
import { useGroupScorecards } from '../../hooks/useScorecards';
import { entityRefName } from '../../utils';
import { CardFrame } from '../CardFrame';
import { EvaluationRunChip } from '../EvaluationRunChip';
import { LevelDistributionChips } from '../LevelDistributionChips';
import { LevelTrendChart } from '../LevelTrendChart';
import { RequestPending } from '../RequestPending';
import { TeamScorecardTable } from '../TeamScorecardTable';

/** @public */
export interface EntityGroupScorecardCardProps {
  /** Card title; "Team scorecards" by default. */
  title?: string;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

function subheader(response: GroupScorecardResponse | undefined) {
  if (!response || response.rows.length === 0) {
    return undefined;
  }
  const count = response.rows.length;
  const subGroups = response.groupRefs.length - 1;
  const average = Math.round(
    response.rows.reduce((sum, row) => sum + row.score, 0) / count,
  );
  return `${count} ${count === 1 ? 'entity' : 'entities'}${
    subGroups > 0
      ? ` incl. ${subGroups} sub-team${subGroups === 1 ? '' : 's'}`
      : ''
  } · average score ${average}%`;
}

function Body(props: { state: RequestState<GroupScorecardResponse> }) {
  const { state } = props;
  const response = state.value;
  if (!response) {
    return (
      <RequestPending
        state={state}
        loadingLabel="Loading team scorecards"
        rows={5}
      />
    );
  }

  if (response.rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {response.lastEvaluatedAt
          ? 'This team and its sub-teams own no entity that scorecards cover. Entities name their team in spec.owner.'
          : 'Scorecards have not been evaluated yet; they are evaluated every few minutes and after each sync.'}
      </Typography>
    );
  }
  const stale = response.rows.filter(row => row.stale).length;
  return (
    <>
      {stale > 0 && (
        <Alert severity="warning">
          {stale} of {response.rows.length} entities were evaluated with stale
          facts (a source had not synced); their rows are marked stale and may
          change once it syncs again.
        </Alert>
      )}
      <LevelDistributionChips
        rubric={response.rubric}
        distribution={response.distribution}
      />
      <TeamScorecardTable
        groupRef={response.groupRef}
        groupRefs={response.groupRefs}
        rubric={response.rubric}
        rows={response.rows}
      />
      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          Levels over time
        </Typography>
        <LevelTrendChart
          rubric={response.rubric}
          trend={response.trend}
          label={`Level distribution of ${entityRefName(
            response.groupRef,
          )} over time`}
        />
      </Box>
    </>
  );
}

/**
 * The readiness scorecards of everything a team owns (sub-teams included),
 * for a group's page: level distribution, a sortable, filterable table
 * with CSV export, and the level distribution over time.
 * @public
 */
export function EntityGroupScorecardCard(props: EntityGroupScorecardCardProps) {
  const { title = 'Team scorecards' } = props;
  const now = useNow(props.now);
  const { entity } = useEntity();
  const state = useGroupScorecards(stringifyEntityRef(entity));
  const response = state.value;
  return (
    <CardFrame
      title={title}
      subheader={subheader(response)}
      action={
        response && (
          <Stack direction="row" spacing={1}>
            <EvaluationRunChip
              lastEvaluatedAt={response.lastEvaluatedAt}
              now={now}
              stale={response.rows.some(row => row.stale)}
            />
          </Stack>
        )
      }
    >
      <Body state={state} />
    </CardFrame>
  );
}
