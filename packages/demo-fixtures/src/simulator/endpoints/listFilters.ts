import { invalidInput } from '../http/pagerDutyError';
import type { QueryParams } from '../http/queryParams';

/** Case-insensitive substring filter of the `query` parameter. */
export function matchesQuery(
  query: string | undefined,
  ...fields: string[]
): boolean {
  if (!query) {
    return true;
  }
  const needle = query.toLowerCase();
  return fields.some(field => field.toLowerCase().includes(needle));
}

/**
 * The `sort_by` of name-sorted lists (`name`, `name:asc`, `name:desc`);
 * returns true for descending order.
 */
export function nameSortDescending(query: QueryParams): boolean {
  const sortBy = query.string('sort_by') ?? 'name';
  if (!['name', 'name:asc', 'name:desc'].includes(sortBy)) {
    throw invalidInput(
      `sort_by ${sortBy} is not one of name, name:asc, name:desc`,
    );
  }
  return sortBy === 'name:desc';
}

/** Orders a name-sorted list as requested. */
export function inNameOrder<T>(
  items: readonly T[],
  descending: boolean,
): readonly T[] {
  return descending ? [...items].reverse() : items;
}
