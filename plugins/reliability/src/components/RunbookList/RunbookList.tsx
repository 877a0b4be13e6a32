import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuBookOutlinedIcon from '@mui/icons-material/MenuBookOutlined';
import type { Runbook } from '@preflight/plugin-reliability-common';
import { ExternalLink } from '../ExternalLink';

export interface RunbookListProps {
  runbooks: Runbook[];
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Runbook links with where they lead, each opening in a new tab. */
export function RunbookList(props: RunbookListProps) {
  return (
    <List dense disablePadding aria-label="Runbooks">
      {props.runbooks.map(runbook => (
        <ListItem key={`${runbook.url}:${runbook.alert ?? ''}`} disableGutters>
          <ListItemIcon sx={{ minWidth: 36, color: 'text.secondary' }}>
            <MenuBookOutlinedIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText
            primary={
              <ExternalLink href={runbook.url}>{runbook.title}</ExternalLink>
            }
            secondary={
              runbook.alert
                ? `${hostname(runbook.url)} · for alert ${runbook.alert}`
                : hostname(runbook.url)
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
