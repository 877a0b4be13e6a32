// One rounding rule for percentages across the product, in the common package.
export {
  formatBudgetRemaining,
  formatPercent,
  NO_DATA,
} from '@preflight/plugin-reliability-common';
