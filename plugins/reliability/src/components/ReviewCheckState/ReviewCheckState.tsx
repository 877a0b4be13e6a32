import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReviewCheckState as CheckStateValue } from '@preflight/plugin-reliability-common';
import { CheckFactList } from '../CheckFactList';
import { CheckStateChip } from '../CheckStateChip';
import { ExternalLink } from '../ExternalLink';
import { RelativeTime } from '../RelativeTime';

export interface ReviewCheckStateProps {
  /** "Live" or "At submit", naming the moment the state is from. */
  label: string;
  /** The check's title, naming its facts table. */
  checkTitle: string;
  state: CheckStateValue;
  /** When the state was captured (snapshots); live states say when evaluated. */
  capturedAt?: string;
  /** Show how to fix it (live states that do not pass). */
  showFix?: boolean;
  now: Date;
}

/**
 * One state of a check bound to a review item: outcome, message, the facts
 * behind it with their age, and how to fix it.
 */
export function ReviewCheckState(props: ReviewCheckStateProps) {
  const { label, checkTitle, state, capturedAt, showFix, now } = props;
  const at = capturedAt ?? state.evaluatedAt;
  return (
    <Box
      role="group"
      aria-label={`${label}: ${checkTitle}`}
      sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}
    >
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        useFlexGap
        flexWrap="wrap"
      >
        <Typography
          variant="caption"
          sx={{ fontWeight: 600, textTransform: 'uppercase' }}
        >
          {label}
        </Typography>
        <CheckStateChip check={state} />
        <Typography variant="caption" color="text.secondary">
          {at ? (
            <>
              {capturedAt ? 'captured ' : 'evaluated '}
              <RelativeTime value={at} now={now} />
            </>
          ) : (
            'never evaluated'
          )}
        </Typography>
      </Stack>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {state.message}
      </Typography>
      <CheckFactList
        checkTitle={`${checkTitle} (${label.toLocaleLowerCase('en-US')})`}
        facts={state.facts}
        now={now}
      />
      {showFix && state.fix && (
        <Box role="note" aria-label="How to fix" sx={{ mt: 1 }}>
          <Typography
            variant="caption"
            color="text.secondary"
            component="div"
            sx={{ fontWeight: 600, textTransform: 'uppercase' }}
          >
            How to fix
          </Typography>
          <Typography variant="body2">{state.fix.text}</Typography>
          {state.fix.url && (
            <ExternalLink href={state.fix.url}>
              Read how to fix {checkTitle.toLocaleLowerCase('en-US')}
            </ExternalLink>
          )}
        </Box>
      )}
    </Box>
  );
}
