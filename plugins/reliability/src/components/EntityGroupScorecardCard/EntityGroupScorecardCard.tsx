import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router-dom';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { GroupScorecardResponse } from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import { useNow } from '../../hooks';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import type { RequestState } from '../../hooks/useKeyedRequest';
import { useGroupScorecards } from '../../hooks/useScorecards';
import {
  downloadCsv,
  entityRefName,
  formatDay,
  readTeamScorecardParams,
  TEAM_SCORECARD_PAGE_SIZES,
  TeamScorecardFilter,
  teamScorecardQuery,
  TeamScorecardViewState,
  writeTeamScorecardParams,
} from '../../utils';
import { CardFrame } from '../CardFrame';
import { EvaluationRunChip } from '../EvaluationRunChip';
import { LevelDistributionChips } from '../LevelDistributionChips';
import { LevelTrendChart } from '../LevelTrendChart';
import { ReloadFailedAlert } from '../ReloadFailedAlert';
import { RequestPending } from '../RequestPending';
import {
  TeamScorecardSortState,
  TeamScorecardTable,
} from '../TeamScorecardTable';

/** @public */
export interface EntityGroupScorecardCardProps {
  /** Card title; "Team scorecards" by default. */
  title?: string;
  /** Rows per page at first, 25 by default (at most 100). */
  pageSize?: number;
  /** Pins the clock for relative times (tests, screenshots). */
  now?: Date;
}

/** Typing in the search box asks the backend once the typing pauses. */
const SEARCH_DEBOUNCE_MS = 300;

function subheader(response: GroupScorecardResponse | undefined) {
  if (!response || response.entities === 0) {
    return undefined;
  }
  const count = response.entities;
  const subGroups = response.groupRefs.length - 1;
  return `${count} ${count === 1 ? 'entity' : 'entities'}${
    subGroups > 0
      ? ` incl. ${subGroups} sub-team${subGroups === 1 ? '' : 's'}`
      : ''
  } · average score ${Math.round(response.averageScore ?? 0)}%`;
}

/** Where the trend starts and what a lighter bar means. */
function historyNote(response: GroupScorecardResponse): string | undefined {
  if (!response.historySince) {
    return undefined;
  }
  const carried = response.trend.some(point => point.carried);
  return `History since ${formatDay(response.historySince)}.${
    carried
      ? ' Lighter bars are days without an evaluation: they repeat the day before.'
      : ''
  }`;
}

/**
 * The readiness scorecards of everything a team owns (sub-teams included),
 * for a group's page: level distribution, a table the backend sorts,
 * filters and pages, a CSV export of every matching row, and the level
 * distribution over time.
 * @public
 */
export function EntityGroupScorecardCard(props: EntityGroupScorecardCardProps) {
  const { title = 'Team scorecards' } = props;
  const now = useNow(props.now);
  const api = useApi(reliabilityApiRef);
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);

  // The address holds the table's state, so a link (from the overview, a
  // chat message) opens the same rows and Back undoes a filter.
  const [params, setParams] = useSearchParams();
  const defaultPageSize = props.pageSize ?? TEAM_SCORECARD_PAGE_SIZES[0];
  const { filter, sort, page, pageSize } = useMemo(
    () => readTeamScorecardParams(params, defaultPageSize),
    [params, defaultPageSize],
  );
  const show = (next: Partial<TeamScorecardViewState>, replace = false) =>
    setParams(
      previous =>
        writeTeamScorecardParams(
          { ...readTeamScorecardParams(previous, defaultPageSize), ...next },
          defaultPageSize,
          previous,
        ),
      // Typing in the search box replaces the entry instead of adding one
      // per key.
      { replace },
    );
  const text = useDebouncedValue(filter.text, SEARCH_DEBOUNCE_MS);
  const query = useMemo(
    () => teamScorecardQuery({ ...filter, text }, sort, { page, pageSize }),
    [filter, text, sort, page, pageSize],
  );
  const state: RequestState<GroupScorecardResponse> = useGroupScorecards(
    groupRef,
    query,
  );
  const response = state.value;

  // Another filter or order starts again from the first page.
  const narrow = (next: TeamScorecardFilter) =>
    show({ filter: next, page: 0 }, next.text !== filter.text);
  const resort = (next: TeamScorecardSortState) =>
    show({ sort: next, page: 0 });
  const exportCsv = async () => {
    const csv = await api.exportGroupScorecards(
      groupRef,
      teamScorecardQuery(filter, sort),
    );
    downloadCsv(`${entityRefName(groupRef)}-scorecards.csv`, csv);
  };

  let body;
  if (!response) {
    body = (
      <RequestPending
        state={state}
        loadingLabel="Loading team scorecards"
        rows={5}
      />
    );
  } else if (response.entities === 0) {
    body = (
      <Typography variant="body2" color="text.secondary">
        {response.lastEvaluatedAt
          ? 'This team and its sub-teams own no entity that scorecards cover. Entities name their team in spec.owner.'
          : 'Scorecards have not been evaluated yet; they are evaluated every few minutes and after each sync.'}
      </Typography>
    );
  } else {
    const note = historyNote(response);
    body = (
      <>
        {state.loading && (
          <LinearProgress aria-label="Loading team scorecards" />
        )}
        {state.error && (
          <ReloadFailedAlert
            error={state.error}
            shownAsOf={response.generatedAt}
            now={now}
            onRetry={state.retry}
          />
        )}
        {response.staleEntities > 0 && (
          <Alert severity="warning">
            {response.staleEntities} of {response.entities} entities were
            evaluated with stale facts (a source had not synced); their rows are
            marked stale and may change once it syncs again.
          </Alert>
        )}
        <LevelDistributionChips
          rubric={response.rubric}
          distribution={response.distribution}
        />
        <TeamScorecardTable
          rubric={response.rubric}
          facets={response.facets}
          rows={response.rows}
          total={response.total}
          entities={response.entities}
          filter={filter}
          onFilterChange={narrow}
          sort={sort}
          onSortChange={resort}
          page={page}
          pageSize={pageSize}
          onPageChange={next => show({ page: next })}
          onPageSizeChange={size => show({ pageSize: size, page: 0 })}
          onExport={exportCsv}
        />
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            Levels over time
          </Typography>
          {note && (
            <Typography
              variant="caption"
              color="text.secondary"
              component="p"
              sx={{ mb: 1 }}
            >
              {note}
            </Typography>
          )}
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
              stale={response.staleEntities > 0}
            />
          </Stack>
        )
      }
    >
      {body}
    </CardFrame>
  );
}
