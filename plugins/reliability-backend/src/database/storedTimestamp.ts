/** A timestamp column as the database driver hands it back. */
type StoredTimestampValue = Date | string | number | null | undefined;

/**
 * Reads a timestamp column: SQLite hands back epoch milliseconds or SQL
 * strings, PostgreSQL Date objects. Null when absent or unreadable.
 */
export function storedDate(value: StoredTimestampValue): Date | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value);
  }
  const numeric = Number(value);
  if (value.trim() !== '' && Number.isFinite(numeric)) {
    return new Date(numeric);
  }
  // "YYYY-MM-DD HH:MM:SS" without a zone is how SQLite's datetime() writes UTC.
  const normalized = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)
    ? `${value.replace(' ', 'T')}Z`
    : value;
  const parsed = new Date(normalized);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** {@link storedDate} as the ISO-8601 text the API serves. */
export function storedTimestamp(value: StoredTimestampValue): string | null {
  return storedDate(value)?.toISOString() ?? null;
}
