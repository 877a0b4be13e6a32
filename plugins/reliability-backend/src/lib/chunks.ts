/**
 * Splits rows into batches of at most `size`, so one INSERT stays under
 * SQLite's and PostgreSQL's bind-parameter limits.
 */
export function chunks<T>(rows: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    result.push(rows.slice(i, i + size));
  }
  return result;
}
