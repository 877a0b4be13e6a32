import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type {
  ScorecardCheckResult,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { categoryTitle, groupScorecardChecks, levelTitle } from '../../utils';
import { ScorecardCheckItem } from '../ScorecardCheckItem';

export interface ScorecardCheckListProps {
  checks: ScorecardCheckResult[];
  rubric: ScorecardRubricView;
  now: Date;
}

/**
 * A scorecard's checks grouped by category, what blocks a level first;
 * checks that do not apply are folded away at the end.
 */
export function ScorecardCheckList(props: ScorecardCheckListProps) {
  const { checks, rubric, now } = props;
  const { categories, notApplicable, blockedBy } = groupScorecardChecks(checks);
  return (
    <Stack spacing={2}>
      {categories.map(group => {
        const title = categoryTitle(group.category);
        return (
          <Box key={group.category} component="section" aria-label={title}>
            <Stack
              direction="row"
              spacing={1}
              alignItems="center"
              sx={{ mb: 0.5 }}
            >
              <Typography variant="subtitle2" component="h3">
                {title}
              </Typography>
              {group.failing > 0 && (
                <Chip
                  size="small"
                  color="error"
                  variant="outlined"
                  label={`${group.failing} failing`}
                />
              )}
            </Stack>
            <Box
              role="list"
              aria-label={`${title} checks`}
              sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}
            >
              {group.checks.map(check => (
                <ScorecardCheckItem
                  key={check.checkId}
                  check={check}
                  blocks={blockedBy.get(check.checkId)}
                  levelTitle={
                    check.levelId
                      ? levelTitle(rubric, check.levelId)
                      : undefined
                  }
                  now={now}
                />
              ))}
            </Box>
          </Box>
        );
      })}
      {notApplicable.length > 0 && (
        <Accordion
          disableGutters
          elevation={0}
          TransitionProps={{ unmountOnExit: true }}
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Typography variant="body2" color="text.secondary">
              Not applicable ({notApplicable.length})
            </Typography>
          </AccordionSummary>
          <AccordionDetails>
            <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
              {notApplicable.map(check => (
                <Typography component="li" variant="body2" key={check.checkId}>
                  <strong>{check.title}</strong>
                  <Typography
                    component="span"
                    variant="body2"
                    color="text.secondary"
                  >
                    {' — '}
                    {check.message}
                  </Typography>
                </Typography>
              ))}
            </Stack>
          </AccordionDetails>
        </Accordion>
      )}
    </Stack>
  );
}
