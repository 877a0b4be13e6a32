export { ReviewDriftBanner } from './ReviewDriftBanner';
export type { ReviewDriftBannerProps } from './ReviewDriftBanner';
