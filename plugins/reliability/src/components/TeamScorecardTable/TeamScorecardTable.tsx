import { useState } from 'react';
import Alert from '@mui/material/Alert';
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
import TablePagination from '@mui/material/TablePagination';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DownloadIcon from '@mui/icons-material/Download';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  ScorecardRubricView,
  TeamScorecardFacets,
  TeamScorecardRow,
} from '@preflight/plugin-reliability-common';
import {
  entityDisplayName,
  formatDuration,
  TEAM_SCORECARD_PAGE_SIZES,
  TeamScorecardColumn,
  TeamScorecardFilter,
} from '../../utils';
import { formatPercent } from '../../utils/formatPercent';
import { Dash } from '../Dash';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';
import { TeamScorecardFilters } from '../TeamScorecardFilters';

export interface TeamScorecardTableProps {
  rubric: ScorecardRubricView;
  /** The values the filters can take. */
  facets: TeamScorecardFacets;
  /** One page of rows, in the order the backend sorted them. */
  rows: TeamScorecardRow[];
  /** Rows matching the filters, every page. */
  total: number;
  /** Every entity of the team. */
  entities: number;
  filter: TeamScorecardFilter;
  onFilterChange(filter: TeamScorecardFilter): void;
  sort: TeamScorecardSortState;
  onSortChange(sort: TeamScorecardSortState): void;
  /** The page shown, from 0. */
  page: number;
  pageSize: number;
  onPageChange(page: number): void;
  onPageSizeChange(pageSize: number): void;
  /** Downloads every matching row as CSV (all pages). */
  onExport(): Promise<void>;
}

/** The column the team table is sorted by and in which direction. */
export interface TeamScorecardSortState {
  column: TeamScorecardColumn;
  direction: 'asc' | 'desc';
}

/** One order the table can be sorted in, offered in a column's header. */
interface SortOption {
  key: TeamScorecardColumn;
  label: string;
  help?: string;
  /** The direction a first click sorts in: worst first. */
  firstDirection: 'asc' | 'desc';
}

/**
 * A column of the table. Related figures share a column (stacked in the
 * cell) so every column stays readable from 1024 px without scrolling
 * sideways; each figure keeps its own sort in the header.
 */
interface Column {
  id: string;
  /** The first is the column's name; the others sit below it, smaller. */
  sorts: [SortOption, ...SortOption[]];
  numeric?: boolean;
}

/** The columns of the table, left to right. @internal */
export const TEAM_SCORECARD_COLUMNS: Column[] = [
  {
    id: 'entity',
    sorts: [
      { key: 'entity', label: 'Entity', firstDirection: 'asc' },
      {
        key: 'owner',
        label: 'Owner',
        help: 'The team or sub-team owning it',
        firstDirection: 'asc',
      },
    ],
  },
  {
    id: 'level',
    sorts: [
      { key: 'level', label: 'Level', firstDirection: 'asc' },
      { key: 'score', label: 'Score', firstDirection: 'asc' },
    ],
  },
  {
    id: 'failing',
    numeric: true,
    sorts: [
      {
        key: 'failingChecks',
        label: 'Failing',
        help: 'Checks failing or in error (exempt ones excluded)',
        firstDirection: 'desc',
      },
    ],
  },
  {
    id: 'slo',
    numeric: true,
    sorts: [
      {
        key: 'slo',
        label: 'SLO',
        help: 'Lowest SLO attainment over its window, against its objective',
        firstDirection: 'asc',
      },
      {
        key: 'budget',
        label: 'Budget',
        help: 'Lowest error budget remaining among the SLOs',
        firstDirection: 'asc',
      },
      {
        key: 'sloAlert',
        label: 'Alert',
        help: 'The most severe burn-rate alert firing among the SLOs',
        firstDirection: 'desc',
      },
    ],
  },
  {
    id: 'onCall',
    sorts: [
      {
        key: 'onCall',
        label: 'On-call',
        help: 'Level 1 held throughout the next 7 days',
        firstDirection: 'asc',
      },
    ],
  },
  {
    id: 'incidents',
    numeric: true,
    sorts: [
      {
        key: 'openIncidents',
        label: 'Open incidents',
        help: 'Incidents open now, any urgency',
        firstDirection: 'desc',
      },
      {
        key: 'mttr',
        label: 'MTTR',
        help: 'Mean time to resolve over 90 days',
        firstDirection: 'desc',
      },
    ],
  },
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
      <Typography variant="caption" component="div">
        {/* No children: the link asks the catalog's entity presentation
            for the group's title. */}
        <EntityRefLink
          entityRef={row.ownerRef}
          defaultKind="group"
          disableTooltip
        />
      </Typography>
    </>
  );
}

function LevelCell(props: {
  rubric: ScorecardRubricView;
  row: TeamScorecardRow;
}) {
  const { rubric, row } = props;
  return (
    <Stack spacing={0.5} alignItems="flex-start">
      <ScorecardLevelBadge rubric={rubric} levelId={row.levelId} />
      <Typography variant="body2" aria-label={`Score ${row.score}%`}>
        {row.score}%
      </Typography>
    </Stack>
  );
}

function Attainment(props: { row: TeamScorecardRow }) {
  const { sloAttainment, sloObjective } = props.row;
  if (sloAttainment === null) {
    return <Dash label="no SLO data" />;
  }
  const below = sloObjective !== null && sloAttainment < sloObjective;
  return (
    <Typography variant="body2" color={below ? 'error.main' : 'text.primary'}>
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

function Budget(props: { budget: number | null }) {
  const { budget } = props;
  if (budget === null) {
    return null;
  }
  let color = 'text.secondary';
  if (budget < 0) {
    color = 'error.main';
  } else if (budget < 0.25) {
    color = 'warning.main';
  }
  return (
    <Typography variant="caption" color={color}>
      {formatPercent(budget, 1)} budget
    </Typography>
  );
}

const ALERT_LOOK: Record<
  NonNullable<TeamScorecardRow['sloAlert']>,
  { label: string; color: 'error' | 'warning' | 'success' | 'default' }
> = {
  page: { label: 'Page', color: 'error' },
  ticket: { label: 'Ticket', color: 'warning' },
  unknown: { label: 'Unknown', color: 'warning' },
  ok: { label: 'No alert', color: 'success' },
  'no-data': { label: 'No data', color: 'default' },
};

function SloAlert(props: { alert: TeamScorecardRow['sloAlert'] }) {
  const { alert } = props;
  if (!alert) {
    return null;
  }
  const look = ALERT_LOOK[alert];
  // Quiet states read as text; a firing alert stands out as a chip.
  if (alert === 'ok' || alert === 'no-data') {
    return (
      <Typography variant="caption" color="text.secondary">
        {look.label}
      </Typography>
    );
  }
  return (
    <Chip
      size="small"
      color={look.color}
      label={look.label}
      sx={{ height: 20 }}
    />
  );
}

/** Attainment against the objective, then the budget left and the alert. */
function SloCell(props: { row: TeamScorecardRow }) {
  const { row } = props;
  if (
    row.sloAttainment === null &&
    row.sloBudgetRemaining === null &&
    !row.sloAlert
  ) {
    return <Dash label="no SLO" />;
  }
  return (
    <Stack spacing={0.25} alignItems="flex-end">
      <Attainment row={row} />
      <Stack direction="row" spacing={0.75} alignItems="center">
        <Budget budget={row.sloBudgetRemaining} />
        <SloAlert alert={row.sloAlert ?? null} />
      </Stack>
    </Stack>
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

/** Open incidents, and below them the time to resolve. */
function IncidentsCell(props: { row: TeamScorecardRow }) {
  const { row } = props;
  return (
    <Stack spacing={0.25} alignItems="flex-end">
      <CountCell count={row.openIncidents} label="open incidents" />
      <Typography variant="caption" color="text.secondary">
        {row.mttrSeconds === null ? (
          <Dash label="no resolved incidents" />
        ) : (
          `MTTR ${formatDuration(row.mttrSeconds)}`
        )}
      </Typography>
    </Stack>
  );
}

/** A column's header: its name and any further figures it sorts by. */
function ColumnHeader(props: {
  column: Column;
  sort: TeamScorecardSortState;
  onSort(option: SortOption): void;
}) {
  const { column, sort, onSort } = props;
  const label = (option: SortOption) => (
    <Tooltip key={option.key} title={option.help ?? ''} describeChild>
      <TableSortLabel
        active={sort.column === option.key}
        direction={
          sort.column === option.key ? sort.direction : option.firstDirection
        }
        onClick={() => onSort(option)}
        // In a right-aligned column the arrow goes before the name, so
        // the names line up with the figures below them.
        // Names never break, not even at the hyphen of "On-call".
        sx={{
          whiteSpace: 'nowrap',
          ...(column.numeric ? { flexDirection: 'row-reverse' } : {}),
        }}
      >
        {option.label}
      </TableSortLabel>
    </Tooltip>
  );
  const [main, ...more] = column.sorts;
  return (
    <Stack alignItems={column.numeric ? 'flex-end' : 'flex-start'}>
      {label(main)}
      {more.length > 0 && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          sx={{ display: 'flex', gap: 1 }}
        >
          {more.map(label)}
        </Typography>
      )}
    </Stack>
  );
}

/**
 * One page of the entities a team owns with their owner, level, score,
 * failing checks, SLO, budget, SLO alert, on-call coverage, open incidents
 * and MTTR, in six columns. Sorting, filtering and paging are done by the backend (the
 * table is controlled by its parent); the CSV export asks the backend for
 * every matching row.
 */
export function TeamScorecardTable(props: TeamScorecardTableProps) {
  const {
    rubric,
    facets,
    rows,
    total,
    entities,
    filter,
    onFilterChange,
    sort,
    onSortChange,
    page,
    pageSize,
    onPageChange,
    onPageSizeChange,
    onExport,
  } = props;
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error | undefined>();

  const onSort = (option: SortOption) =>
    onSortChange(
      sort.column === option.key
        ? {
            column: option.key,
            direction: sort.direction === 'asc' ? 'desc' : 'asc',
          }
        : { column: option.key, direction: option.firstDirection },
    );

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      await onExport();
    } catch (error) {
      setExportError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setExporting(false);
    }
  };

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
          facets={facets}
          filter={filter}
          onChange={onFilterChange}
        />
        <Button
          variant="outlined"
          size="small"
          startIcon={<DownloadIcon />}
          disabled={total === 0 || exporting}
          onClick={exportCsv}
        >
          Export CSV
        </Button>
      </Stack>
      {exportError && (
        <Alert severity="error">
          The CSV export failed: {exportError.message}
        </Alert>
      )}
      <Typography variant="caption" color="text.secondary">
        {total === entities
          ? `${entities} ${entities === 1 ? 'entity' : 'entities'}`
          : `${total} of ${entities} entities match`}
      </Typography>
      {/* Six columns fit beside the sidebar from 1024 px; below that the
          table scrolls sideways rather than breaking figures mid-word. */}
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Scorecards per entity"
          sx={{
            '& td, & th': { whiteSpace: 'nowrap', px: 1, verticalAlign: 'top' },
            '& td:first-of-type, & th:first-of-type': {
              pl: 2,
              whiteSpace: 'normal',
              minWidth: 160,
            },
            '& td:last-of-type, & th:last-of-type': { pr: 2 },
          }}
        >
          <TableHead>
            <TableRow>
              {TEAM_SCORECARD_COLUMNS.map(column => {
                const sorted = column.sorts.some(o => o.key === sort.column);
                return (
                  <TableCell
                    key={column.id}
                    align={column.numeric ? 'right' : 'left'}
                    sortDirection={sorted ? sort.direction : false}
                  >
                    <ColumnHeader column={column} sort={sort} onSort={onSort} />
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(row => (
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
                  <LevelCell rubric={rubric} row={row} />
                </TableCell>
                <TableCell align="right">
                  <CountCell count={row.failingChecks} label="failing checks" />
                </TableCell>
                <TableCell align="right">
                  <SloCell row={row} />
                </TableCell>
                <TableCell>
                  <OnCallCell covered={row.onCallCovered} />
                </TableCell>
                <TableCell align="right">
                  <IncidentsCell row={row} />
                </TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={TEAM_SCORECARD_COLUMNS.length}>
                  <Typography variant="body2" color="text.secondary">
                    No entity matches these filters.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {total > Math.min(pageSize, 25) && (
        <TablePagination
          component="div"
          count={total}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[...TEAM_SCORECARD_PAGE_SIZES]}
          onPageChange={(_event, next) => onPageChange(next)}
          onRowsPerPageChange={event =>
            onPageSizeChange(Number(event.target.value))
          }
        />
      )}
    </Stack>
  );
}
