import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DownloadIcon from '@mui/icons-material/Download';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ScorecardRubricView,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import {
  downloadCsv,
  entityRefName,
  entityDisplayName,
  filterTeamScorecardRows,
  formatDuration,
  NO_TEAM_SCORECARD_FILTER,
  sortTeamScorecardRows,
  TeamScorecardColumn,
  TeamScorecardFilter,
  teamScorecardCsv,
} from '../../utils';
import { formatPercent } from '../../utils/formatPercent';
import { Dash } from '../Dash';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';
import { TeamScorecardFilters } from '../TeamScorecardFilters';

/** @public */
export interface TeamScorecardTableProps {
  /** The group whose page this is; names the CSV file. */
  groupRef: string;
  /** The group and its sub-groups, for the owner filter. */
  groupRefs: string[];
  rubric: ScorecardRubricView;
  rows: TeamScorecardRow[];
}

interface Column {
  key: TeamScorecardColumn;
  label: string;
  help?: string;
  numeric?: boolean;
  /** The direction a first click sorts in: worst first. */
  firstDirection: 'asc' | 'desc';
}

const COLUMNS: Column[] = [
  { key: 'entity', label: 'Entity', firstDirection: 'asc' },
  { key: 'level', label: 'Level', firstDirection: 'asc' },
  { key: 'score', label: 'Score', numeric: true, firstDirection: 'asc' },
  {
    key: 'failingChecks',
    label: 'Failing',
    help: 'Checks failing or in error (exempt ones excluded)',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'slo',
    label: 'SLO',
    help: 'Lowest SLO attainment over its window, against its objective',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'budget',
    label: 'Budget left',
    help: 'Lowest error budget remaining among the SLOs',
    numeric: true,
    firstDirection: 'asc',
  },
  {
    key: 'onCall',
    label: 'On-call',
    help: 'Level 1 held throughout the next 7 days',
    firstDirection: 'asc',
  },
  {
    key: 'mttr',
    label: 'MTTR',
    help: 'Mean time to resolve over 90 days',
    numeric: true,
    firstDirection: 'desc',
  },
  {
    key: 'openIncidents',
    label: 'Open incidents',
    numeric: true,
    firstDirection: 'desc',
  },
  { key: 'owner', label: 'Owner', firstDirection: 'asc' },
];

function EntityCell(props: { row: TeamScorecardRow }) {
  const { row } = props;
  return (
    <>
      <Typography variant="body2" component="div" sx={{ fontWeight: 500 }}>
        <EntityRefLink entityRef={row.entityRef} defaultKind="component">
          {entityDisplayName(row)}
        </EntityRefLink>
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        <Box component="span" sx={{ textTransform: 'capitalize' }}>
          {row.kind}
        </Box>
        {row.type && ` · ${row.type}`}
        {row.tier && ` · ${row.tier}`}
        {row.stale && (
          <Tooltip title="Some facts behind this row were stale when it was evaluated">
            <Chip
              size="small"
              color="warning"
              label="stale"
              sx={{ ml: 1, height: 18 }}
            />
          </Tooltip>
        )}
      </Typography>
    </>
  );
}

function SloCell(props: { row: TeamScorecardRow }) {
  const { sloAttainment, sloObjective } = props.row;
  if (sloAttainment === null) {
    return <Dash label="no SLO data" />;
  }
  const below = sloObjective !== null && sloAttainment < sloObjective;
  return (
    <Typography
      variant="body2"
      color={below ? 'error.main' : 'text.primary'}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {formatPercent(sloAttainment)}
      {sloObjective !== null && (
        <Typography component="span" variant="caption" color="text.secondary">
          {' / '}
          {formatPercent(sloObjective)}
        </Typography>
      )}
    </Typography>
  );
}

function BudgetCell(props: { budget: number | null }) {
  const { budget } = props;
  if (budget === null) {
    return <Dash label="no SLO data" />;
  }
  let color = 'text.primary';
  if (budget < 0) {
    color = 'error.main';
  } else if (budget < 0.25) {
    color = 'warning.main';
  }
  return (
    <Typography variant="body2" color={color}>
      {formatPercent(budget, 1)}
    </Typography>
  );
}

function OnCallCell(props: { covered: boolean | null }) {
  const { covered } = props;
  if (covered === null) {
    return <Dash label="on-call not linked" />;
  }
  return covered ? (
    <Stack direction="row" spacing={0.5} alignItems="center">
      <CheckCircleIcon fontSize="small" color="success" aria-hidden />
      <Typography variant="body2">Covered</Typography>
    </Stack>
  ) : (
    <Stack direction="row" spacing={0.5} alignItems="center">
      <ErrorOutlineIcon fontSize="small" color="error" aria-hidden />
      <Typography variant="body2" color="error.main">
        Gap
      </Typography>
    </Stack>
  );
}

function CountCell(props: { count: number | null; label: string }) {
  const { count, label } = props;
  if (count === null) {
    return <Dash label={`${label} unknown`} />;
  }
  if (count === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        0
      </Typography>
    );
  }
  return <Chip size="small" color="error" label={count} />;
}

/**
 * Every entity a team owns with its level, score, failing checks, SLO,
 * budget, on-call coverage, MTTR and open incidents; sortable by every
 * column, filterable, and exportable as CSV exactly as filtered and sorted.
 * @public
 */
export function TeamScorecardTable(props: TeamScorecardTableProps) {
  const { groupRef, groupRefs, rubric, rows } = props;
  const [filter, setFilter] = useState<TeamScorecardFilter>(
    NO_TEAM_SCORECARD_FILTER,
  );
  const [sort, setSort] = useState<{
    column: TeamScorecardColumn;
    direction: 'asc' | 'desc';
  }>({ column: 'score', direction: 'asc' });

  const shown = useMemo(
    () =>
      sortTeamScorecardRows(
        filterTeamScorecardRows(rows, filter),
        sort.column,
        sort.direction,
        rubric,
      ),
    [rows, filter, sort, rubric],
  );
  const ownerRefs = useMemo(() => {
    const owners = new Set(rows.map(row => row.ownerRef));
    return groupRefs.filter(ref => owners.has(ref));
  }, [rows, groupRefs]);

  const onSort = (column: Column) =>
    setSort(previous =>
      previous.column === column.key
        ? {
            column: column.key,
            direction: previous.direction === 'asc' ? 'desc' : 'asc',
          }
        : { column: column.key, direction: column.firstDirection },
    );

  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        flexWrap="wrap"
        alignItems="center"
        justifyContent="space-between"
      >
        <TeamScorecardFilters
          rubric={rubric}
          ownerRefs={ownerRefs}
          filter={filter}
          onChange={setFilter}
        />
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadIcon />}
          disabled={shown.length === 0}
          onClick={() =>
            downloadCsv(
              `${entityRefName(groupRef)}-scorecards.csv`,
              teamScorecardCsv(shown, rubric),
            )
          }
        >
          Export CSV
        </Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">
        Showing {shown.length} of {rows.length} entities
      </Typography>
      {/* Below its minimum width the table scrolls sideways rather than
          breaking numbers, chips and names mid-word. */}
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Scorecards per entity"
          sx={{
            minWidth: 1000,
            // Ten columns: half the default gutter lets them all fit a
            // 1440px screen beside the sidebar.
            '& td, & th': { whiteSpace: 'nowrap', px: 1 },
            '& td:first-of-type, & th:first-of-type': { pl: 2 },
            '& td:last-of-type, & th:last-of-type': { pr: 2 },
            '& td:first-of-type': { whiteSpace: 'normal', minWidth: 180 },
          }}
        >
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell
                  key={column.key}
                  align={column.numeric ? 'right' : 'left'}
                  sortDirection={
                    sort.column === column.key ? sort.direction : false
                  }
                >
                  <Tooltip title={column.help ?? ''} describeChild>
                    <TableSortLabel
                      active={sort.column === column.key}
                      direction={
                        sort.column === column.key
                          ? sort.direction
                          : column.firstDirection
                      }
                      onClick={() => onSort(column)}
                    >
                      {column.label}
                    </TableSortLabel>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(row => (
              <TableRow
                key={row.entityRef}
                aria-label={entityDisplayName(row)}
                hover
                sx={{ '&:last-child td': { border: 0 } }}
              >
                <TableCell>
                  <EntityCell row={row} />
                </TableCell>
                <TableCell>
                  <ScorecardLevelBadge rubric={rubric} levelId={row.levelId} />
                </TableCell>
                <TableCell align="right">{row.score}%</TableCell>
                <TableCell align="right">
                  <CountCell count={row.failingChecks} label="failing checks" />
                </TableCell>
                <TableCell align="right">
                  <SloCell row={row} />
                </TableCell>
                <TableCell align="right">
                  <BudgetCell budget={row.sloBudgetRemaining} />
                </TableCell>
                <TableCell>
                  <OnCallCell covered={row.onCallCovered} />
                </TableCell>
                <TableCell align="right">
                  {row.mttrSeconds === null ? (
                    <Dash label="no incidents" />
                  ) : (
                    formatDuration(row.mttrSeconds)
                  )}
                </TableCell>
                <TableCell align="right">
                  <CountCell count={row.openIncidents} label="open incidents" />
                </TableCell>
                <TableCell>
                  {/* No children: the link asks the catalog's entity
                      presentation for the group's title. */}
                  <EntityRefLink
                    entityRef={row.ownerRef}
                    defaultKind="group"
                    disableTooltip
                  />
                </TableCell>
              </TableRow>
            ))}
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  <Typography variant="body2" color="text.secondary">
                    No entity matches these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
