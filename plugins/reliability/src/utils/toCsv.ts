// The CSV writer is shared with the backend's streaming exports.
export { toCsv } from '@preflight/plugin-reliability-common';
export type { CsvCell } from '@preflight/plugin-reliability-common';
