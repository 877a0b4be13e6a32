import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  FailingCheckView,
  TeamStanding,
} from '@preflight/plugin-reliability-common';
import { GroupScorecardsLink } from '../GroupScorecardsLink';

export interface FailingCheckTeamsTableProps {
  check: FailingCheckView;
  /** The overview's teams, for their titles. */
  teams: TeamStanding[];
  /** Path of the scorecards tab on group pages; `scorecards` by default. */
  tabPath?: string;
}

/**
 * The teams one check fails for, most first. Each team links to its
 * scorecards tab narrowed to its own entities failing the check, so the
 * count here is the number of rows there.
 */
export function FailingCheckTeamsTable(props: FailingCheckTeamsTableProps) {
  const { check, teams, tabPath } = props;
  const titles = new Map(teams.map(team => [team.groupRef, team.title]));
  const owned =
    check.failing +
    check.errors -
    check.teams.reduce((sum, t) => sum + t.failing + t.errors, 0);
  return (
    <>
      {check.teams.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No team owns an entity where “{check.title}” fails.
        </Typography>
      ) : (
        <TableContainer>
          <Table
            size="small"
            aria-label={`Teams failing ${check.title}`}
            sx={{ '& th': { whiteSpace: 'nowrap' } }}
          >
            <TableHead>
              <TableRow>
                <TableCell>Team</TableCell>
                <TableCell align="right">Failing</TableCell>
                <TableCell align="right">Error</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {check.teams.map(team => (
                <TableRow
                  key={team.groupRef}
                  sx={{ '&:last-child td': { border: 0 } }}
                >
                  <TableCell>
                    <GroupScorecardsLink
                      groupRef={team.groupRef}
                      title={titles.get(team.groupRef)}
                      tabPath={tabPath}
                      filter={{ check: check.checkId, ownerRef: team.groupRef }}
                    />
                  </TableCell>
                  <TableCell align="right">{team.failing}</TableCell>
                  <TableCell align="right">{team.errors}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {owned > 0 && (
        <Typography variant="caption" color="text.secondary">
          {owned} more {owned === 1 ? 'entity is' : 'entities are'} owned by a
          person rather than a team.
        </Typography>
      )}
    </>
  );
}
