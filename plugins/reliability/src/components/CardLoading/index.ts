export { CardLoading } from './CardLoading';
export type { CardLoadingProps } from './CardLoading';
