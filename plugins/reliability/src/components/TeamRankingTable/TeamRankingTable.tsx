import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEntityPresentation } from '@backstage/plugin-catalog-react';
import type {
  ScorecardRubricView,
  TeamStanding,
} from '@preflight/plugin-reliability-common';
import { GroupScorecardsLink } from '../GroupScorecardsLink';
import { LevelDistributionBar } from '../LevelDistributionBar';

export interface TeamRankingTableProps {
  rubric: ScorecardRubricView;
  /** Best first, as the backend ranks them. */
  teams: TeamStanding[];
  /** Names the table; "Teams ranked by average score" by default. */
  label?: string;
  /** Heading of the name column; "Team" by default. */
  nameHeading?: string;
  /** Path of the scorecards tab on group pages; `scorecards` by default. */
  tabPath?: string;
}

/** Scores are averages; one decimal says enough to rank by. */
function formatScore(score: number): string {
  return `${Math.round(score * 10) / 10}%`;
}

function TeamRow(props: {
  rubric: ScorecardRubricView;
  team: TeamStanding;
  tabPath?: string;
}) {
  const { rubric, team, tabPath } = props;
  // The catalog's presentation knows the group's title even when the
  // backend did not store one.
  const presentation = useEntityPresentation(team.groupRef, {
    defaultKind: 'group',
  });
  const name = team.title ?? presentation.primaryTitle;
  return (
    <TableRow aria-label={name} sx={{ '&:last-child td': { border: 0 } }}>
      <TableCell align="right">{team.rank}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {/* Straight to the team's scorecards: the entities behind the
            figures, not the group's overview. */}
        <GroupScorecardsLink
          groupRef={team.groupRef}
          title={name}
          tabPath={tabPath}
        />
      </TableCell>
      <TableCell align="right">{team.entities}</TableCell>
      <TableCell>
        <Stack direction="row" spacing={1} alignItems="center">
          <Typography variant="body2" sx={{ minWidth: 48 }}>
            {formatScore(team.averageScore)}
          </Typography>
          <Box sx={{ flex: 1, minWidth: 60 }}>
            <LinearProgress
              variant="determinate"
              value={Math.max(0, Math.min(100, team.averageScore))}
              aria-label={`Average score of ${name}`}
            />
          </Box>
        </Stack>
      </TableCell>
      <TableCell>
        <LevelDistributionBar
          rubric={rubric}
          distribution={team.distribution}
        />
      </TableCell>
    </TableRow>
  );
}

/**
 * Teams ranked by the average score of what they own, with the number of
 * entities and how they spread over the levels. The entities column says
 * whether the figures include sub-teams (departments) or not (teams).
 */
export function TeamRankingTable(props: TeamRankingTableProps) {
  const {
    rubric,
    teams,
    label = 'Teams ranked by average score',
    nameHeading = 'Team',
    tabPath,
  } = props;
  const includesSubTeams = teams.some(team => team.includesSubTeams);
  if (teams.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No team owns an entity that scorecards cover yet.
      </Typography>
    );
  }
  return (
    <TableContainer>
      <Table
        size="small"
        aria-label={label}
        sx={{ '& th': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell align="right">Rank</TableCell>
            <TableCell>{nameHeading}</TableCell>
            <TableCell align="right">
              {includesSubTeams ? 'Entities (with sub-teams)' : 'Own entities'}
            </TableCell>
            <TableCell>Average score</TableCell>
            <TableCell sx={{ width: '30%' }}>Levels</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => (
            <TeamRow
              key={team.groupRef}
              rubric={rubric}
              team={team}
              tabPath={tabPath}
            />
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
