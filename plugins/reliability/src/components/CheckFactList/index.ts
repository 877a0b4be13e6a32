export { CheckFactList } from './CheckFactList';
export type { CheckFactListProps } from './CheckFactList';
