export { formatDateTime } from './formatDateTime';
export { formatDay } from './formatDay';
export { formatBudgetRemaining, formatPercent, NO_DATA } from './formatPercent';
