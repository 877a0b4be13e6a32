/** A cell of a CSV file. `null` and `undefined` are written as empty cells. @public */
export type CsvCell = string | number | boolean | null | undefined;

/** Text a spreadsheet would run as a formula when the file is opened. */
const FORMULA_START = /^[=+\-@\t\r]/;

function escapeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) {
    return '';
  }
  if (typeof cell === 'number') {
    return Number.isFinite(cell) ? String(cell) : '';
  }
  let text = String(cell);
  // Entity titles come from catalog files anyone can edit; never let one
  // become a formula in the reader's spreadsheet.
  if (typeof cell === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as CSV (RFC 4180): comma-separated, CRLF line ends, fields
 * quoted when they hold a comma, quote, line break or edge spaces, quotes
 * doubled.
 * @public
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const lines = rows.map(row => row.map(escapeCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
