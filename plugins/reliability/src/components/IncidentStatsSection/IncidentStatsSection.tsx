import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { IncidentStats } from '@preflight/plugin-reliability-common';
import { formatDuration } from '../../utils';
import { OpenIncidentList } from '../OpenIncidentList';
import { StatTile } from '../StatTile';

export interface IncidentStatsSectionProps {
  stats: IncidentStats;
  now: Date;
  /** Show the "Incidents (last N days)" heading; off inside a card of that name. */
  withHeading?: boolean;
}

function formatPagesPerShift(value: number | null): string {
  if (value === null) {
    return '—';
  }
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/**
 * Open incidents and the response figures of the trailing window: MTTA,
 * MTTR and pages per on-call shift.
 */
export function IncidentStatsSection(props: IncidentStatsSectionProps) {
  const { stats, now, withHeading = true } = props;
  const windowText = `last ${stats.windowDays} days`;
  return (
    <Stack
      spacing={1.5}
      {...(withHeading
        ? { component: 'section', 'aria-label': 'Incidents' }
        : {})}
    >
      {withHeading && (
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          Incidents{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            ({windowText})
          </Typography>
        </Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gap: 1.5,
          // Columns follow the card's width, not the window's, and each
          // tile is wide enough for a figure such as "14m 15s" on one line.
          gridTemplateColumns: 'repeat(auto-fit, minmax(8.5rem, 1fr))',
        }}
      >
        <StatTile
          label="Total incidents"
          value={stats.total}
          detail={`${stats.highUrgency} high urgency`}
        />
        <StatTile
          label="MTTA"
          value={
            stats.mttaSeconds === null ? '—' : formatDuration(stats.mttaSeconds)
          }
          help={`Mean time to acknowledge, ${windowText}${
            stats.mttaSeconds === null ? ': nothing was acknowledged' : ''
          }`}
        />
        <StatTile
          label="MTTR"
          value={
            stats.mttrSeconds === null ? '—' : formatDuration(stats.mttrSeconds)
          }
          help={`Mean time to resolve, ${windowText}${
            stats.mttrSeconds === null ? ': nothing was resolved' : ''
          }`}
        />
        <StatTile
          label="Pages per shift"
          value={formatPagesPerShift(stats.pagesPerShift)}
          help="High-urgency incidents per level-1 on-call shift"
        />
      </Box>
      <Typography variant="subtitle2" component="h4">
        Open incidents ({stats.open.length})
      </Typography>
      <OpenIncidentList incidents={stats.open} now={now} />
    </Stack>
  );
}
