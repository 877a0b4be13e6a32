import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type {
  FailingCheckView,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { categoryTitle } from '../../utils';
import { ScorecardLevelBadge } from '../ScorecardLevelBadge';

export interface FailingChecksTableProps {
  rubric: ScorecardRubricView;
  /** Most failing first. */
  checks: FailingCheckView[];
  /** How many to list; 10 by default. */
  limit?: number;
  /** The check drilled into, whose row is marked. */
  selectedCheckId?: string;
}

/** Failing and erroring shares of the entities a check applies to. */
function FailureBar(props: { check: FailingCheckView }) {
  const { check } = props;
  const total = Math.max(1, check.applicable);
  return (
    <Tooltip
      title={`${check.failing} failing, ${check.errors} in error of ${check.applicable}`}
    >
      <Box
        role="img"
        aria-label={`${check.failing} failing and ${check.errors} in error of ${check.applicable} entities`}
        sx={{
          display: 'flex',
          height: 10,
          minWidth: 100,
          borderRadius: 1,
          overflow: 'hidden',
          bgcolor: 'action.hover',
        }}
      >
        <Box
          sx={{
            width: `${(100 * check.failing) / total}%`,
            bgcolor: 'error.main',
          }}
        />
        <Box
          sx={{
            width: `${(100 * check.errors) / total}%`,
            bgcolor: 'warning.main',
          }}
        />
      </Box>
    </Tooltip>
  );
}

/**
 * The checks failing on the most entities across the fleet, with how many
 * fail, how many could not be evaluated, and out of how many they apply to.
 * Each check links to the same page with `?check=<id>`, where the teams it
 * fails for are listed.
 */
export function FailingChecksTable(props: FailingChecksTableProps) {
  const { rubric, checks, limit = 10, selectedCheckId } = props;
  const { pathname } = useLocation();
  const shown = checks
    .filter(check => check.failing + check.errors > 0)
    .slice(0, limit);
  if (shown.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No check fails anywhere in the fleet.
      </Typography>
    );
  }
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label="Checks failing most"
        sx={{
          minWidth: 560,
          '& th, & td:not(:first-of-type)': { whiteSpace: 'nowrap' },
        }}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200 }}>Check</TableCell>
            <TableCell>Level</TableCell>
            <TableCell align="right">Failing</TableCell>
            <TableCell align="right">Error</TableCell>
            <TableCell sx={{ width: '35%' }}>Of applicable</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(check => (
            <TableRow
              key={check.checkId}
              aria-label={check.title}
              selected={check.checkId === selectedCheckId}
              sx={{ '&:last-child td': { border: 0 } }}
            >
              <TableCell>
                <Typography variant="body2">
                  <Link
                    component={RouterLink}
                    to={`${pathname}?check=${encodeURIComponent(
                      check.checkId,
                    )}`}
                    underline="hover"
                    aria-current={
                      check.checkId === selectedCheckId ? 'true' : undefined
                    }
                  >
                    {check.title}
                  </Link>
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {categoryTitle(check.category)}
                </Typography>
              </TableCell>
              <TableCell>
                {check.levelId ? (
                  <ScorecardLevelBadge
                    rubric={rubric}
                    levelId={check.levelId}
                  />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell align="right">{check.failing}</TableCell>
              <TableCell align="right">{check.errors}</TableCell>
              <TableCell>
                <FailureBar check={check} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
