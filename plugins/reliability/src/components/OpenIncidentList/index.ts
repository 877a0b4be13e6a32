export { OpenIncidentList } from './OpenIncidentList';
export type { OpenIncidentListProps } from './OpenIncidentList';
