import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  RubricChange,
  RubricPreviewMove,
  RubricPreviewResponse,
  ScorecardRubricView,
} from '@preflight/plugin-reliability-common';
import { reliabilityApiRef } from '../../api';
import { useChartTheme } from '../../hooks/useChartTheme';
import {
  isResponseError,
  levelBands,
  levelIndex,
  levelTitle,
} from '../../utils';

export interface RubricPreviewPanelProps {
  rubric: ScorecardRubricView;
  /** How many dropping entities to list; 10 by default. */
  maxMoves?: number;
}

type Preview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'done'; response: RubricPreviewResponse };

function BeforeAfterChart(props: {
  rubric: ScorecardRubricView;
  response: RubricPreviewResponse;
}) {
  const { rubric, response } = props;
  const chart = useChartTheme();
  const { theme } = chart;
  const before = levelBands(rubric, response.before);
  const after = levelBands(rubric, response.after);
  const rows = before.map((band, index) => ({
    level: band.title,
    before: band.count,
    after: after[index]?.count ?? 0,
  }));
  return (
    <Box
      role="figure"
      aria-label={`Entities per level before and after: ${rows
        .map(row => `${row.level} ${row.before} → ${row.after}`)
        .join(', ')}`}
      sx={{ width: '100%', height: 200 }}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...chart.grid} />
          <XAxis dataKey="level" {...chart.axis} />
          <YAxis allowDecimals={false} {...chart.axis} width={40} />
          <Tooltip
            {...chart.tooltip}
            cursor={{ fill: theme.palette.action.hover }}
          />
          <Legend {...chart.legend} />
          <Bar
            dataKey="before"
            name="Now"
            fill={theme.palette.text.disabled}
            isAnimationActive={false}
          />
          {/* One colour per series, so each legend swatch matches its bars. */}
          <Bar
            dataKey="after"
            name="With the change"
            fill={theme.palette.primary.main}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

function MoveList(props: {
  rubric: ScorecardRubricView;
  moves: RubricPreviewMove[];
  total: number;
  title: string;
}) {
  const { rubric, moves, total, title } = props;
  if (moves.length === 0) {
    return null;
  }
  return (
    <Box>
      <Typography variant="subtitle2" component="h3">
        {title} ({total})
      </Typography>
      <List dense aria-label={title}>
        {moves.map(move => (
          <ListItem key={move.entityRef} disableGutters>
            <ListItemText
              primary={
                <EntityRefLink
                  entityRef={move.entityRef}
                  defaultKind="component"
                />
              }
              secondary={
                <>
                  {levelTitle(rubric, move.from)} →{' '}
                  {levelTitle(rubric, move.to)} · owned by{' '}
                  <EntityRefLink
                    entityRef={move.ownerRef}
                    defaultKind="group"
                    disableTooltip
                  />
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      {total > moves.length && (
        <Typography variant="caption" color="text.secondary">
          and {total - moves.length} more
        </Typography>
      )}
    </Box>
  );
}

function PreviewResult(props: {
  rubric: ScorecardRubricView;
  response: RubricPreviewResponse;
  maxMoves: number;
}) {
  const { rubric, response, maxMoves } = props;
  const dropped = response.moves.filter(
    move => levelIndex(rubric, move.to) < levelIndex(rubric, move.from),
  );
  const raised = response.moves.filter(
    move => levelIndex(rubric, move.to) > levelIndex(rubric, move.from),
  );
  return (
    <Stack spacing={2}>
      {/* The backend's summary already counts drops and rises. */}
      <Alert
        severity={response.droppedCount > 0 ? 'warning' : 'success'}
        role="status"
      >
        {response.summary}
      </Alert>
      <BeforeAfterChart rubric={rubric} response={response} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
        }}
      >
        <MoveList
          rubric={rubric}
          moves={dropped.slice(0, maxMoves)}
          total={response.droppedCount}
          title="Entities that would drop"
        />
        <MoveList
          rubric={rubric}
          moves={raised.slice(0, maxMoves)}
          total={response.raisedCount}
          title="Entities that would rise"
        />
      </Box>
    </Stack>
  );
}

function changeKey(change: RubricChange): string {
  return `${change.op}:${change.checkId}:${change.levelId}`;
}

/** "Add “SLOs defined” to Bronze", for the list of proposed changes. */
function describeChange(
  rubric: ScorecardRubricView,
  change: RubricChange,
): string {
  const check =
    rubric.checks.find(candidate => candidate.id === change.checkId)?.title ??
    change.checkId;
  const level = levelTitle(rubric, change.levelId);
  return change.op === 'add'
    ? `Add “${check}” to ${level}`
    : `Remove “${check}” from ${level}`;
}

/**
 * "What if?": proposes adding checks to levels or removing them, one or
 * several changes at once, and shows what that would do to the fleet (from the stored results, nothing is
 * re-evaluated or changed) before anyone edits the rubric.
 */
export function RubricPreviewPanel(props: RubricPreviewPanelProps) {
  const { rubric, maxMoves = 10 } = props;
  const api = useApi(reliabilityApiRef);
  const [op, setOp] = useState<RubricChange['op']>('add');
  const [checkId, setCheckId] = useState('');
  const [levelId, setLevelId] = useState('');
  const [changes, setChanges] = useState<RubricChange[]>([]);
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const controller = useRef<AbortController>();
  useEffect(() => () => controller.current?.abort(), []);

  // Removing only makes sense for a check some level requires, and from
  // that level.
  const checks =
    op === 'remove'
      ? rubric.checks.filter(check => check.levelId !== null)
      : rubric.checks;
  const onCheck = (id: string) => {
    setCheckId(id);
    if (op === 'remove') {
      setLevelId(rubric.checks.find(c => c.id === id)?.levelId ?? '');
    }
  };
  const onOp = (next: RubricChange['op']) => {
    setOp(next);
    setCheckId('');
    setLevelId('');
    setPreview({ status: 'idle' });
  };

  const current: RubricChange | undefined =
    checkId && levelId ? { op, checkId, levelId } : undefined;
  const listed = (change: RubricChange) =>
    changes.some(other => changeKey(other) === changeKey(change));
  // The selection counts too, so one change needs no extra click.
  const proposed =
    current && !listed(current) ? [...changes, current] : changes;

  const addChange = () => {
    if (current && !listed(current)) {
      setChanges([...changes, current]);
    }
    setCheckId('');
    if (op === 'remove') {
      setLevelId('');
    }
  };
  const removeChange = (change: RubricChange) =>
    setChanges(changes.filter(other => changeKey(other) !== changeKey(change)));

  const run = async () => {
    controller.current?.abort();
    const request = new AbortController();
    controller.current = request;
    setPreview({ status: 'loading' });
    try {
      const response = await api.previewRubricChange(
        { changes: proposed },
        { signal: request.signal },
      );
      if (!request.signal.aborted) {
        setPreview({ status: 'done', response });
      }
    } catch (error) {
      if (!request.signal.aborted) {
        const cause = isResponseError(error) ? error.cause : (error as Error);
        setPreview({ status: 'error', message: cause.message });
      }
    }
  };

  return (
    <Stack spacing={2}>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        flexWrap="wrap"
        alignItems="center"
      >
        <TextField
          select
          size="small"
          label="Change"
          value={op}
          onChange={event => onOp(event.target.value as RubricChange['op'])}
          sx={{ minWidth: 130 }}
        >
          <MenuItem value="add">Add</MenuItem>
          <MenuItem value="remove">Remove</MenuItem>
        </TextField>
        <TextField
          select
          size="small"
          label="Check"
          value={checkId}
          onChange={event => onCheck(event.target.value)}
          sx={{ minWidth: 240 }}
        >
          {checks.map(check => (
            <MenuItem key={check.id} value={check.id}>
              {check.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={op === 'add' ? 'To level' : 'From level'}
          value={levelId}
          onChange={event => setLevelId(event.target.value)}
          disabled={op === 'remove'}
          sx={{ minWidth: 140 }}
        >
          {rubric.levels.map(level => (
            <MenuItem key={level.id} value={level.id}>
              {level.title}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          disabled={!current || listed(current)}
          onClick={addChange}
        >
          Add another change
        </Button>
        <Button
          variant="contained"
          disabled={proposed.length === 0 || preview.status === 'loading'}
          onClick={run}
        >
          Preview
        </Button>
      </Stack>
      {changes.length > 0 && (
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          flexWrap="wrap"
          component="ul"
          aria-label="Proposed changes"
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {changes.map(change => (
            <li key={changeKey(change)}>
              <Chip
                label={describeChange(rubric, change)}
                onDelete={() => removeChange(change)}
              />
            </li>
          ))}
        </Stack>
      )}
      {preview.status === 'loading' && (
        <LinearProgress aria-label="Computing the preview" />
      )}
      {preview.status === 'error' && (
        <Alert severity="error">
          Could not preview the change: {preview.message}
        </Alert>
      )}
      {preview.status === 'done' && (
        <PreviewResult
          rubric={rubric}
          response={preview.response}
          maxMoves={maxMoves}
        />
      )}
    </Stack>
  );
}
