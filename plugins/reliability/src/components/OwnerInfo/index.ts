export { OwnerInfo } from './OwnerInfo';
export type { OwnerInfoProps } from './OwnerInfo';
