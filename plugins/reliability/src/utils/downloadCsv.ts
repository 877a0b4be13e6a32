import { downloadFile } from './downloadFile';

/**
 * Hands CSV text to the browser as a file download, without a round trip
 * to the backend. A byte-order mark makes spreadsheets read it as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string): void {
  downloadFile(fileName, ['\uFEFF', csv], 'text/csv;charset=utf-8');
}
