import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { formatBudgetRemaining } from '../../utils/formatPercent';

export interface SloBudgetBarProps {
  /** Budget remaining as a fraction of the window's budget; negative when overspent; `null` with no traffic. */
  budgetRemaining: number | null;
}

/**
 * Error budget left as a bar: full when nothing is spent, empty and red
 * once the budget is exhausted (the figure then shows how far overspent).
 */
export function SloBudgetBar(props: SloBudgetBarProps) {
  const { budgetRemaining } = props;
  const known = budgetRemaining !== null && Number.isFinite(budgetRemaining);
  const value = known ? Math.min(100, Math.max(0, budgetRemaining * 100)) : 0;
  let color: 'success' | 'warning' | 'error' = 'success';
  if (known && budgetRemaining <= 0) {
    color = 'error';
  } else if (known && budgetRemaining < 0.25) {
    color = 'warning';
  }
  const text = formatBudgetRemaining(budgetRemaining);
  return (
    <Box
      role="group"
      aria-label="Error budget"
      // The same frame as the stat tiles beside it.
      sx={{
        p: 1.5,
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        bgcolor: 'background.default',
        height: '100%',
        boxSizing: 'border-box',
      }}
    >
      <Typography variant="caption" color="text.secondary" component="div">
        Error budget
      </Typography>
      <Typography
        variant="h6"
        component="div"
        color={color === 'error' ? 'error.main' : 'text.primary'}
      >
        {text}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={value}
        color={known ? color : 'inherit'}
        aria-label="Error budget left"
        aria-valuetext={text}
        sx={{ height: 8, borderRadius: 1, mt: 0.5 }}
      />
    </Box>
  );
}
