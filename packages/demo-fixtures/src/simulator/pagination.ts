import { invalidInput, offsetCapExceeded } from './http/pagerDutyError';
import type { QueryParams } from './http/queryParams';

/** PagerDuty's default page size. */
export const DEFAULT_LIMIT = 25;
/** PagerDuty's largest page. */
export const MAX_LIMIT = 100;
/** Classic pagination cannot reach past this many records. */
export const MAX_OFFSET_PLUS_LIMIT = 10_000;

/** A parsed classic-pagination request. */
export interface PageRequest {
  limit: number;
  offset: number;
  total: boolean;
}

/** The pagination fields of a list response. */
export interface PageInfo {
  limit: number;
  offset: number;
  more: boolean;
  total: number | null;
}

/**
 * Reads `limit`, `offset` and `total` like PagerDuty: limit defaults to 25
 * and is capped at 100, and `offset + limit` above 10,000 is refused with
 * 400 / 2002 before anything is listed.
 */
export function parsePageRequest(query: QueryParams): PageRequest {
  const requested = query.integer('limit');
  if (requested === 0) {
    throw invalidInput('limit must be greater than 0');
  }
  const limit = Math.min(requested ?? DEFAULT_LIMIT, MAX_LIMIT);
  const offset = query.integer('offset') ?? 0;
  if (offset + limit > MAX_OFFSET_PLUS_LIMIT) {
    throw offsetCapExceeded();
  }
  return { limit, offset, total: query.boolean('total') ?? false };
}

/**
 * Cuts one page out of a list. `endlessMore` reproduces a broken server that
 * always claims there is more, to test a client's loop bound.
 */
export function paginate<T>(
  items: readonly T[],
  page: PageRequest,
  endlessMore = false,
): { items: T[]; page: PageInfo } {
  const slice = items.slice(page.offset, page.offset + page.limit);
  return {
    items: slice,
    page: {
      limit: page.limit,
      offset: page.offset,
      more: endlessMore || page.offset + slice.length < items.length,
      total: page.total ? items.length : null,
    },
  };
}
