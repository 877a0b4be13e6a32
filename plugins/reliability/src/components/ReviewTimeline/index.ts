export { ReviewTimeline } from './ReviewTimeline';
export type { ReviewTimelineProps } from './ReviewTimeline';
