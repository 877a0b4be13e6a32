import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  ReviewCheckState as CheckStateValue,
  ReviewItem,
} from '@preflight/plugin-reliability-common';
import { ReviewCheckState } from '../ReviewCheckState';
import { ReviewItemHeader } from '../ReviewItemHeader';
import { RelativeTime } from '../RelativeTime';

export interface ReviewCheckItemProps {
  /** A `check` item. */
  item: ReviewItem;
  now: Date;
  /** Buttons for the item (waive). */
  actions?: ReactNode;
}

function sameOutcome(a: CheckStateValue, b: CheckStateValue): boolean {
  return (
    a.state === b.state && a.passing === b.passing && a.message === b.message
  );
}

const SNAPSHOT_LABELS = { submit: 'At submit', signoff: 'At sign-off' };

/**
 * A review item bound to a scorecard check: its live state with facts and
 * fix, and, when it differs, the state captured at submit or sign-off
 * beside it, so a reviewer sees what changed since.
 */
export function ReviewCheckItem(props: ReviewCheckItemProps) {
  const { item, now, actions } = props;
  const { live, snapshot } = item;
  const title = item.title;
  const showSnapshot = snapshot && (!live || !sameOutcome(live, snapshot));
  return (
    <Box
      role="listitem"
      aria-label={title}
      sx={{ py: 1.5, borderBottom: 1, borderColor: 'divider' }}
    >
      <ReviewItemHeader item={item} actions={actions} />
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1.5}
        sx={{ mt: 1, '& > *': { flex: 1, minWidth: 0 } }}
      >
        {live ? (
          <ReviewCheckState
            label="Live"
            checkTitle={title}
            state={live}
            showFix={!live.passing}
            now={now}
          />
        ) : (
          <Typography variant="body2" color="text.secondary">
            The check has not been evaluated for this entity yet.
          </Typography>
        )}
        {showSnapshot && (
          <ReviewCheckState
            label={SNAPSHOT_LABELS[snapshot.reason] ?? 'Captured'}
            checkTitle={title}
            state={snapshot}
            capturedAt={snapshot.capturedAt}
            now={now}
          />
        )}
      </Stack>
      {snapshot && !showSnapshot && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="div"
          sx={{ mt: 0.5 }}
        >
          Unchanged since {snapshot.reason === 'submit' ? 'submit' : 'sign-off'}{' '}
          (
          <RelativeTime value={snapshot.capturedAt} now={now} />)
        </Typography>
      )}
    </Box>
  );
}
