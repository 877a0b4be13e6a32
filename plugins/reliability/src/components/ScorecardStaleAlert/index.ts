export { ScorecardStaleAlert } from './ScorecardStaleAlert';
export type { ScorecardStaleAlertProps } from './ScorecardStaleAlert';
