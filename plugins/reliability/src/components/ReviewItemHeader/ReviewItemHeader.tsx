import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReviewItem } from '@preflight/plugin-reliability-common';
import { entityRefName, formatDateTime } from '../../utils';
import { ReviewItemStatusChip } from '../ReviewItemStatusChip';

export interface ReviewItemHeaderProps {
  item: ReviewItem;
  /** Buttons on the right (waive). */
  actions?: ReactNode;
}

/**
 * The line every review item starts with: its status in words, its title
 * and guidance, who waived it and why.
 */
export function ReviewItemHeader(props: ReviewItemHeaderProps) {
  const { item, actions } = props;
  return (
    <Box>
      <Stack direction="row" spacing={1.5} alignItems="flex-start">
        <ReviewItemStatusChip status={item.status} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="body2" component="h4" sx={{ fontWeight: 600 }}>
            {item.title}
          </Typography>
          {item.description && (
            <Typography
              variant="caption"
              color="text.secondary"
              component="div"
            >
              {item.description}
            </Typography>
          )}
        </Box>
        {actions}
      </Stack>
      {item.waiver && (
        <Typography variant="body2" sx={{ mt: 0.5, ml: 1 }}>
          Waived by {entityRefName(item.waiver.by)} on{' '}
          <time dateTime={item.waiver.at}>
            {formatDateTime(item.waiver.at)}
          </time>
          : {item.waiver.reason}
        </Typography>
      )}
    </Box>
  );
}
