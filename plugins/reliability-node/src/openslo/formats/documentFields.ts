import type { SloFormatProblem } from './types';

/** Whether a YAML value is a mapping. */
export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Joins a parent path and a key the way problems show paths. */
export function fieldPath(parent: string, key: string | number): string {
  if (typeof key === 'number') {
    return `${parent}[${key}]`;
  }
  return parent === '' ? key : `${parent}.${key}`;
}

/**
 * Reports every key of `object` that the converter does not know, by name:
 * a field silently dropped would change what the SLO means without anyone
 * noticing.
 */
export function reportUnknownFields(
  object: Record<string, unknown>,
  known: readonly string[],
  parent: string,
  formatName: string,
  problems: SloFormatProblem[],
): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      problems.push({
        field: fieldPath(parent, key),
        message: `"${key}" is not a ${formatName} field Preflight knows; it was not converted`,
        fix: 'Remove it, or check its spelling against the format reference.',
      });
    }
  }
}

/**
 * Reads a string → string map (labels). Values that are not strings are
 * reported and left out.
 */
export function readStringMap(
  value: unknown,
  field: string,
  problems: SloFormatProblem[],
): Record<string, string> {
  if (value === undefined || value === null) {
    return {};
  }
  if (!isPlainObject(value)) {
    problems.push({
      field,
      message: 'expected a mapping of names to values',
    });
    return {};
  }
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string') {
      result[key] = item;
    } else if (typeof item === 'number' || typeof item === 'boolean') {
      // YAML reads tier: 2 as a number; Sloth and Kubernetes read it as text.
      result[key] = String(item);
    } else {
      problems.push({
        field: fieldPath(field, key),
        message: 'a label value must be text',
      });
    }
  }
  return result;
}

// RFC 1123 label, as the OpenSLO parser requires of metadata.name.
const MAX_NAME_LENGTH = 63;

/**
 * Turns a name from another format (which allows capitals, `_` and `.`)
 * into an OpenSLO object name: lowercase letters, digits and `-`, at most
 * 63 characters. `undefined` when nothing usable is left.
 */
export function toOpenSloName(text: string): string | undefined {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    return undefined;
  }
  return name;
}

/**
 * Checks an objective given as a percentage. OpenSLO needs it strictly
 * between 0 and 100: 100% leaves no error budget to measure.
 */
export function checkPercent(
  value: number,
  field: string,
  problems: SloFormatProblem[],
): boolean {
  if (!Number.isFinite(value) || value <= 0 || value >= 100) {
    problems.push({
      field,
      message: `objective ${value}% is outside (0, 100): Preflight measures an error budget, and 100% leaves none`,
      fix: 'Write a percentage such as 99.9.',
    });
    return false;
  }
  return true;
}
