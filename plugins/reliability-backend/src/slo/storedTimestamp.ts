/**
 * Reads a timestamp column: SQLite hands back epoch milliseconds or SQL
 * strings, PostgreSQL Date objects; the API wants ISO strings.
 * @public
 */
export function storedTimestamp(
  value: Date | string | number | null | undefined,
): string | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number') {
    return new Date(value).toISOString();
  }
  const numeric = Number(value);
  if (value.trim() !== '' && Number.isFinite(numeric)) {
    return new Date(numeric).toISOString();
  }
  // "YYYY-MM-DD HH:MM:SS" without a zone is how SQLite's datetime() writes UTC.
  const normalized = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const parsed = new Date(normalized);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}
