export { OnCallAssignmentItem } from './OnCallAssignmentItem';
export type { OnCallAssignmentItemProps } from './OnCallAssignmentItem';
