import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Review, ReviewEvent } from '@preflight/plugin-reliability-common';
import { entityRefName, reviewEventLabel, reviewStateLabel } from '../../utils';
import { RelativeTime } from '../RelativeTime';

export interface ReviewTimelineProps {
  review: Review;
  events: ReviewEvent[];
  now: Date;
}

/** The item or section an event concerns, by title when the review knows it. */
function subject(review: Review, event: ReviewEvent): string | undefined {
  const section = review.sections.find(s => s.id === event.sectionId);
  if (event.itemId) {
    const item = review.sections
      .flatMap(s => s.items)
      .find(i => i.id === event.itemId);
    return item ? `“${item.title}”` : event.itemId;
  }
  return section ? `section “${section.title}”` : event.sectionId;
}

/** A comment or reason recorded with the event, when there is one. */
function note(event: ReviewEvent): string | undefined {
  const details = event.details ?? {};
  for (const key of ['comment', 'reason', 'message']) {
    const value = details[key];
    if (typeof value === 'string' && value) {
      return value;
    }
  }
  return undefined;
}

/**
 * The review's append-only event log, oldest first: who did what, when,
 * to which item or section, and how the state changed.
 */
export function ReviewTimeline(props: ReviewTimelineProps) {
  const { review, events, now } = props;
  if (events.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No events recorded yet.
      </Typography>
    );
  }
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  return (
    <Box
      component="ol"
      aria-label="Review events"
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {ordered.map(event => {
        const about = subject(review, event);
        const comment = note(event);
        return (
          <Box
            component="li"
            key={event.seq}
            sx={{
              py: 1,
              pl: 2,
              borderLeft: 2,
              borderColor: 'divider',
            }}
          >
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
              <Typography variant="caption" color="text.secondary">
                <RelativeTime value={event.at} now={now} withAbsolute />
              </Typography>
              <Typography variant="body2">
                <strong>
                  {event.actor === 'system'
                    ? 'Preflight'
                    : entityRefName(event.actor)}
                </strong>{' '}
                {reviewEventLabel(event.action)}
                {about && ` ${about}`}
                {event.stateBefore &&
                  event.stateAfter &&
                  event.stateBefore !== event.stateAfter &&
                  ` (${reviewStateLabel(
                    event.stateBefore,
                  )} → ${reviewStateLabel(event.stateAfter)})`}
              </Typography>
            </Stack>
            {comment && (
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}
              >
                {comment}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
