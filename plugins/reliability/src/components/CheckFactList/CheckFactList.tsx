import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CheckFactValue } from '@preflight/plugin-reliability-common';
import { RelativeTime } from '../RelativeTime';

export interface CheckFactListProps {
  /** Names the table, e.g. the check's title. */
  checkTitle: string;
  facts: CheckFactValue[];
  now: Date;
}

function formatValue(value: CheckFactValue['value']): string {
  if (value === null) {
    return 'none';
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return String(value);
}

/**
 * The fact values a check decided on, each with the source it came from and
 * how old it is, so an owner can tell a real failure from old data.
 */
export function CheckFactList(props: CheckFactListProps) {
  const { checkTitle, facts, now } = props;
  if (facts.length === 0) {
    return null;
  }
  return (
    <Table size="small" aria-label={`Facts used by ${checkTitle}`}>
      <TableHead>
        <TableRow>
          <TableCell>Fact</TableCell>
          <TableCell>Value</TableCell>
          <TableCell>Source</TableCell>
          <TableCell>As of</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {facts.map((fact, index) => (
          <TableRow
            key={`${fact.label}:${index}`}
            sx={{ '&:last-child td': { border: 0 } }}
          >
            <TableCell>{fact.label}</TableCell>
            <TableCell
              sx={{ fontFamily: 'monospace', wordBreak: 'break-word' }}
            >
              {formatValue(fact.value)}
            </TableCell>
            <TableCell>
              <Typography variant="body2" color="text.secondary">
                {fact.sourceId ?? '—'}
              </Typography>
            </TableCell>
            <TableCell>
              {fact.asOf ? (
                <RelativeTime value={fact.asOf} now={now} />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {fact.asOf === null ? 'never synced' : '—'}
                </Typography>
              )}
              {fact.stale && (
                <Chip
                  size="small"
                  color="warning"
                  label="stale"
                  sx={{ ml: 1 }}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
