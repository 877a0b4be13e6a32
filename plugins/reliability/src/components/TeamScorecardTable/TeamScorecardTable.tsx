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
  TeamScorecardColumn,
  TeamScorecardFilter,
} from '../../utils';
import { formatPercent } from '../../utils/formatPercent';
import { Dash } from '../Dash';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';
import { TeamScorecardFilters } from '../TeamScorecardFilters';

/** @public */
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

/** The column the team table is sorted by and in which direction. @public */
export interface TeamScorecardSortState {
  column: TeamScorecardColumn;
  direction: 'asc' | 'desc';
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
    key: 'sloAlert',
    label: 'SLO alert',
    help: 'The most severe burn-rate alert firing among the SLOs',
    firstDirection: 'desc',
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

function SloAlertCell(props: { alert: TeamScorecardRow['sloAlert'] }) {
  const { alert } = props;
  if (!alert) {
    return <Dash label="no SLO" />;
  }
  const look = ALERT_LOOK[alert];
  // Quiet states read as text; a firing alert stands out as a chip.
  if (alert === 'ok' || alert === 'no-data') {
    return (
      <Typography variant="body2" color="text.secondary">
        {look.label}
      </Typography>
    );
  }
  return <Chip size="small" color={look.color} label={look.label} />;
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
 * One page of the entities a team owns with their level, score, failing
 * checks, SLO, budget, SLO alert, on-call coverage, MTTR and open
 * incidents. Sorting, filtering and paging are done by the backend (the
 * table is controlled by its parent); the CSV export asks the backend for
 * every matching row.
 * @public
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

  const onSort = (column: Column) =>
    onSortChange(
      sort.column === column.key
        ? {
            column: column.key,
            direction: sort.direction === 'asc' ? 'desc' : 'asc',
          }
        : { column: column.key, direction: column.firstDirection },
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
      {/* Below its minimum width the table scrolls sideways rather than
          breaking numbers, chips and names mid-word. */}
      <TableContainer sx={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label="Scorecards per entity"
          sx={{
            minWidth: 1080,
            // Eleven columns: half the default gutter lets them all fit a
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
                  <SloAlertCell alert={row.sloAlert ?? null} />
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
            {rows.length === 0 && (
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
      {total > Math.min(pageSize, 25) && (
        <TablePagination
          component="div"
          count={total}
          page={page}
          rowsPerPage={pageSize}
          rowsPerPageOptions={[25, 50, 100]}
          onPageChange={(_event, next) => onPageChange(next)}
          onRowsPerPageChange={event =>
            onPageSizeChange(Number(event.target.value))
          }
        />
      )}
    </Stack>
  );
}
