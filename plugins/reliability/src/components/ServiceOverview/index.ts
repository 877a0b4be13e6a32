export { ServiceOverview } from './ServiceOverview';
export type { ServiceOverviewProps } from './ServiceOverview';
