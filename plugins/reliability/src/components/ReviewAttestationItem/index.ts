export { ReviewAttestationItem } from './ReviewAttestationItem';
export type { ReviewAttestationItemProps } from './ReviewAttestationItem';
