import Chip from '@mui/material/Chip';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { SloEvaluationView } from '@preflight/plugin-reliability-common';
import { formatDuration } from '../../utils';
import { formatBurnRate } from '../../utils/formatBurnRate';
import { formatPercent } from '../../utils/formatPercent';

export interface SloBurnRateTableProps {
  /** Names the tables for assistive technology, e.g. the SLO's display name. */
  sloName: string;
  evaluation: SloEvaluationView;
}

function ruleState(rule: SloEvaluationView['alerts']['rules'][number]) {
  if (rule.firing) {
    return (
      <Chip
        size="small"
        label={`${rule.severity} firing`}
        color={rule.severity === 'page' ? 'error' : 'warning'}
      />
    );
  }
  if (rule.unknown) {
    return (
      <Chip
        size="small"
        color="warning"
        label="unknown: no data in the short window"
      />
    );
  }
  if (!rule.hasData) {
    return <Chip size="small" variant="outlined" label="no data" />;
  }
  return <Chip size="small" variant="outlined" color="success" label="ok" />;
}

/**
 * Burn rate per window, and the Workbook's multi-window alert rows with
 * their thresholds and their windows for this SLO's period (scaled from the
 * 30-day windows) and which of them fire.
 */
export function SloBurnRateTable(props: SloBurnRateTableProps) {
  const { sloName, evaluation } = props;
  return (
    // Side by side when the panel (not the window) has room for both, one
    // under the other otherwise; figures and headers never break mid-word.
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
        alignItems: 'start',
        '& th, & td': { whiteSpace: 'nowrap' },
        '& td.state-cell': { whiteSpace: 'normal' },
      }}
    >
      <Table size="small" aria-label={`Burn rates of ${sloName}`}>
        <TableHead>
          <TableRow>
            <TableCell>Window</TableCell>
            <TableCell align="right">Burn rate</TableCell>
            <TableCell align="right">Budget spent</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluation.burnRates.map(burn => (
            <TableRow
              key={burn.window}
              aria-label={formatDuration(burn.seconds)}
            >
              <TableCell component="th" scope="row">
                {formatDuration(burn.seconds)}
              </TableCell>
              <TableCell align="right">
                {formatBurnRate(burn.burnRate)}
              </TableCell>
              <TableCell align="right">
                {formatPercent(burn.budgetConsumed, 1)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" aria-label={`Burn-rate alerts of ${sloName}`}>
        <TableHead>
          <TableRow>
            <TableCell>Alert</TableCell>
            <TableCell>Windows</TableCell>
            <TableCell align="right">Threshold</TableCell>
            <TableCell align="right">Long / short</TableCell>
            <TableCell>State</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluation.alerts.rules.map(rule => {
            const windows = `${formatDuration(
              rule.longWindowSeconds,
            )} / ${formatDuration(rule.shortWindowSeconds)}`;
            return (
              <TableRow
                key={`${rule.severity}-${windows}`}
                aria-label={`${rule.severity} ${windows}`}
              >
                <TableCell component="th" scope="row">
                  <Chip
                    size="small"
                    variant="outlined"
                    label={rule.severity}
                    color={rule.severity === 'page' ? 'error' : 'warning'}
                  />
                </TableCell>
                <TableCell>{windows}</TableCell>
                <TableCell align="right">
                  {formatBurnRate(rule.threshold)}
                </TableCell>
                <TableCell align="right">
                  {formatBurnRate(rule.longBurnRate)} /{' '}
                  {formatBurnRate(rule.shortBurnRate)}
                </TableCell>
                <TableCell className="state-cell">{ruleState(rule)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
