export { ReviewItemWaiveButton } from './ReviewItemWaiveButton';
export type { ReviewItemWaiveButtonProps } from './ReviewItemWaiveButton';
