import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OpenIncident } from '@preflight/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';
import { RelativeTime } from '../RelativeTime';

export interface OpenIncidentListProps {
  incidents: OpenIncident[];
  now: Date;
}

/** High urgency first, then the oldest first: what needs attention on top. */
function byAttention(a: OpenIncident, b: OpenIncident): number {
  if (a.urgency !== b.urgency) {
    return a.urgency === 'high' ? -1 : 1;
  }
  return Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

/** The service's open incidents, linked to PagerDuty. */
export function OpenIncidentList(props: OpenIncidentListProps) {
  const { incidents, now } = props;
  if (incidents.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No open incidents.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Open incidents">
      {[...incidents].sort(byAttention).map(incident => {
        const title = `${incident.number ? `#${incident.number} ` : ''}${
          incident.title
        }`;
        return (
          <ListItem key={incident.id} disableGutters>
            <ListItemText
              primaryTypographyProps={{ component: 'div' }}
              secondaryTypographyProps={{ component: 'div' }}
              primary={
                <Stack
                  direction="row"
                  spacing={1}
                  alignItems="center"
                  useFlexGap
                  flexWrap="wrap"
                >
                  <Chip
                    size="small"
                    color={incident.urgency === 'high' ? 'error' : 'default'}
                    label={
                      incident.urgency === 'high'
                        ? 'High urgency'
                        : 'Low urgency'
                    }
                  />
                  <Chip
                    size="small"
                    variant="outlined"
                    color={
                      incident.status === 'triggered' ? 'error' : 'warning'
                    }
                    label={
                      incident.status === 'triggered'
                        ? 'Triggered'
                        : 'Acknowledged'
                    }
                  />
                  {incident.htmlUrl ? (
                    <ExternalLink href={incident.htmlUrl}>{title}</ExternalLink>
                  ) : (
                    <span>{title}</span>
                  )}
                </Stack>
              }
              secondary={
                <>
                  opened <RelativeTime value={incident.createdAt} now={now} />
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
