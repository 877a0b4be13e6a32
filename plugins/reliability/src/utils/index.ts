export { formatDuration } from './formatDuration';
export { formatRelativeTime } from './formatRelativeTime';
export { formatDateTime } from './formatDateTime';
export { personInitials } from './personInitials';
export { sourceAccount } from './sourceAccount';
export { isResponseError } from './isResponseError';
export { retryAfterSeconds } from './retryAfterSeconds';
export {
  entityDisplayName,
  entityKind,
  sortGroupOnCallEntities,
} from './sortGroupOnCallEntities';
