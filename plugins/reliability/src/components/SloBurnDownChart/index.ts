export { SloBurnDownChart } from './SloBurnDownChart';
export type { SloBurnDownChartProps } from './SloBurnDownChart';
