export { ReviewCommentDialog } from './ReviewCommentDialog';
export type { ReviewCommentDialogProps } from './ReviewCommentDialog';
