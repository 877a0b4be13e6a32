import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { ScorecardCheckResult } from '@preflight/plugin-reliability-common';
import { CheckFactList } from '../CheckFactList';
import { CheckStateChip } from '../CheckStateChip';
import { ExemptionChip } from '../ExemptionChip';
import { ExternalLink } from '../ExternalLink';

export interface ScorecardCheckItemProps {
  check: ScorecardCheckResult;
  /** Title of the level that requires the check, when one does. */
  levelTitle?: string;
  /** Checks that cannot be judged until this one passes. */
  blocks?: ScorecardCheckResult[];
  now: Date;
}

function checksPhrase(count: number): string {
  return count === 1 ? '1 other check' : `${count} other checks`;
}

/** "A, B and C" */
function titles(checks: ScorecardCheckResult[]): string {
  const names = checks.map(check => `“${check.title}”`);
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Whether a result has more to show than its one line. */
function needsDetail(check: ScorecardCheckResult): boolean {
  return (
    check.state === 'fail' ||
    check.state === 'error' ||
    check.state === 'warning' ||
    check.exemption !== undefined
  );
}

/**
 * Failing and erroring results open by default: what blocks a level should
 * show its facts and fix without a click. Warnings and exemptions pass,
 * so they stay folded.
 */
function blocks(check: ScorecardCheckResult): boolean {
  return !check.passing && (check.state === 'fail' || check.state === 'error');
}

function Summary(props: ScorecardCheckItemProps) {
  const { check, levelTitle, blocks: blocked = [] } = props;
  return (
    <Stack
      direction="row"
      spacing={1.5}
      alignItems="center"
      sx={{ width: '100%', minWidth: 0 }}
    >
      <CheckStateChip check={check} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {check.title}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {check.message}
        </Typography>
        {blocked.length > 0 && (
          <Typography variant="caption" color="error" component="div">
            Root cause: {checksPhrase(blocked.length)} cannot be judged until
            this passes
          </Typography>
        )}
      </Box>
      {levelTitle && (
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ whiteSpace: 'nowrap' }}
        >
          {levelTitle}
        </Typography>
      )}
    </Stack>
  );
}

/**
 * One check's result. Failing, erroring, warning and exempt results open
 * to show their message, the facts behind them with source and age, the
 * exemption and how to fix it; failing and erroring ones start open.
 * Passing ones are a single line.
 */
export function ScorecardCheckItem(props: ScorecardCheckItemProps) {
  const { check, now, blocks: blocked = [] } = props;
  if (!needsDetail(check)) {
    return (
      <Box
        role="listitem"
        aria-label={check.title}
        sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }}
      >
        <Summary {...props} />
      </Box>
    );
  }
  return (
    <Accordion
      role="listitem"
      aria-label={check.title}
      disableGutters
      elevation={0}
      square
      defaultExpanded={blocks(check)}
      TransitionProps={{ unmountOnExit: true }}
      sx={{
        borderBottom: 1,
        borderColor: 'divider',
        '&:before': { display: 'none' },
      }}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Summary {...props} />
      </AccordionSummary>
      <AccordionDetails>
        {/* The summary line above already shows the message. */}
        <Stack spacing={1.5}>
          {check.exemption && (
            <Box>
              <ExemptionChip exemption={check.exemption} />
            </Box>
          )}
          <CheckFactList
            checkTitle={check.title}
            facts={check.facts}
            now={now}
          />
          {blocked.length > 0 && (
            <Typography
              variant="body2"
              role="note"
              aria-label="Checks this blocks"
            >
              Fixing this also settles {titles(blocked)}: they read data this
              check vouches for, so they cannot be judged until it passes.
            </Typography>
          )}
          <Box
            role="note"
            aria-label="How to fix"
            sx={{
              p: 1.5,
              borderRadius: 1,
              bgcolor: 'background.default',
              border: 1,
              borderColor: 'divider',
            }}
          >
            <Typography
              variant="caption"
              color="text.secondary"
              component="div"
              sx={{ fontWeight: 600, textTransform: 'uppercase' }}
            >
              How to fix
            </Typography>
            <Typography variant="body2">{check.fix.text}</Typography>
            {check.fix.url && (
              <ExternalLink href={check.fix.url}>
                Read how to fix {check.title.toLocaleLowerCase('en-US')}
              </ExternalLink>
            )}
          </Box>
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}
