import { InputError } from '@backstage/errors';
import {
  type GroupScorecardQuery,
  TEAM_SCORECARD_MAX_PAGE_SIZE,
  TEAM_SCORECARD_SORTS,
} from '@preflight/plugin-reliability-common';

/** Rows a page when the query names no limit. */
export const DEFAULT_TEAM_PAGE_SIZE = 25;

/** A team query with every default applied: what the store runs. */
export type TeamScorecardQuery = Required<
  Pick<GroupScorecardQuery, 'sort' | 'direction' | 'offset' | 'limit'>
> &
  Omit<GroupScorecardQuery, 'sort' | 'direction' | 'offset' | 'limit'>;

function single(query: Record<string, unknown>, field: string) {
  const value = query[field];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new InputError(`${field}: give it once, as text`);
  }
  return value;
}

function text(query: Record<string, unknown>, field: string, max = 200) {
  const value = single(query, field)?.trim();
  if (value && value.length > max) {
    throw new InputError(`${field}: at most ${max} characters`);
  }
  return value || undefined;
}

function integer(
  query: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  fallback: number,
) {
  const value = single(query, field);
  if (value === undefined || value === '') {
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(
      `${field}: expected a whole number from ${min} to ${max}, got "${value}"`,
    );
  }
  return Number(value);
}

function oneOf<T extends string>(
  query: Record<string, unknown>,
  field: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = single(query, field);
  if (value === undefined || value === '') {
    return fallback;
  }
  if (!allowed.includes(value as T)) {
    throw new InputError(
      `${field}: expected one of ${allowed.join(', ')}, got "${value}"`,
    );
  }
  return value as T;
}

/**
 * Reads the team view's query string (filters, sort, paging), applying the
 * defaults; a bad value is refused naming the parameter.
 */
export function parseTeamScorecardQuery(
  query: Record<string, unknown>,
): TeamScorecardQuery {
  const failing = oneOf(query, 'failing', ['true', 'false'], 'false');
  return {
    search: text(query, 'search'),
    level: text(query, 'level'),
    owner: text(query, 'owner', 512)?.toLocaleLowerCase('en-US'),
    failing: failing === 'true',
    check: text(query, 'check'),
    tier: text(query, 'tier'),
    lifecycle: text(query, 'lifecycle'),
    sort: oneOf(query, 'sort', TEAM_SCORECARD_SORTS, 'score'),
    direction: oneOf(query, 'direction', ['asc', 'desc'], 'asc'),
    offset: integer(query, 'offset', 0, 1_000_000, 0),
    limit: integer(
      query,
      'limit',
      1,
      TEAM_SCORECARD_MAX_PAGE_SIZE,
      DEFAULT_TEAM_PAGE_SIZE,
    ),
  };
}
