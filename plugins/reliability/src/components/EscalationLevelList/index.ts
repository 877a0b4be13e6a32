export { EscalationLevelList } from './EscalationLevelList';
export type { EscalationLevelListProps } from './EscalationLevelList';
