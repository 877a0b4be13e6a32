import { hash } from 'node:crypto';

/**
 * A short digest of some text, for change detection (not security): equal
 * text gives an equal digest, and any change to it a different one.
 */
export function digest(text: string): string {
  // One-shot: no Hash object per call (the evaluation digests every entity).
  return hash('sha1', text, 'base64url');
}

/** A stable text of a stored timestamp (SQLite: number or string; PostgreSQL: Date). */
export function timestampText(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  return value instanceof Date ? value.toISOString() : String(value);
}
