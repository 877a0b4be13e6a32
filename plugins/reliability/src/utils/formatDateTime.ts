// The one date format of the product lives in the common package.
export { formatDateTime } from '@preflight/plugin-reliability-common';
