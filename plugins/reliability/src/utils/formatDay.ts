// The one day format of the product lives in the common package.
export { formatDay } from '@preflight/plugin-reliability-common';
