export { ReviewActionNotice } from './ReviewActionNotice';
export type { ReviewActionNoticeProps } from './ReviewActionNotice';
