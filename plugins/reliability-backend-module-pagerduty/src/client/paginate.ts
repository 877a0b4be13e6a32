import type { PdPage } from './pagerDutyTypes';
import { PagerDutyError } from './PagerDutyError';

/** PagerDuty answers 400 when `offset + limit` exceeds this. */
export const PAGERDUTY_OFFSET_CAP = 10_000;

/** Largest page PagerDuty's classic list endpoints serve. */
export const PAGERDUTY_MAX_LIMIT = 100;

/** One list read to its end, or as far as PagerDuty allows. */
export interface PagerDutyListResult<T> {
  items: T[];
  /**
   * False when the list stopped before `more: false`: at PagerDuty's
   * 10,000-offset cap, or at the page bound while the total was unknown.
   * Callers split such lists by a filter or report them; they never
   * pretend the list was whole.
   */
  complete: boolean;
  /** The list's size as PagerDuty reported it on the first page, if it did. */
  total: number | null;
}

/** Inputs of {@link paginateOffset}. */
export interface PaginateOptions {
  accountId: string;
  /** e.g. `GET /services`, for error messages */
  label: string;
  /** The array property of the page, e.g. `services`. */
  key: string;
  limit: number;
  maxPages: number;
  /** Fetches one page; `first` asks for `total=true`. */
  fetchPage(offset: number, limit: number, first: boolean): Promise<unknown>;
  /**
   * Return after the first page when its `total` exceeds the offset cap,
   * because the caller will split the list by a filter anyway.
   */
  stopWhenOverCap: boolean;
  /** Called once per page received, for call metrics. */
  onPage?(): void;
}

/**
 * Reads an offset-paginated list. Stops on `more: false`; stops early with
 * `complete: false` when the next page would cross the 10,000-offset cap or
 * when the first page's `total` already says the list is longer than the
 * cap (so callers can split it without wasting 100 requests). A list that
 * keeps saying `more: true` past the page bound, although its reported total
 * fits, is an error rather than an endless loop.
 */
export async function paginateOffset<T>(
  options: PaginateOptions,
): Promise<PagerDutyListResult<T>> {
  const { accountId, label, key, limit, maxPages } = options;
  const items: T[] = [];
  let total: number | null = null;
  let offset = 0;
  let pages = 0;

  for (;;) {
    const body = await options.fetchPage(offset, limit, pages === 0);
    pages += 1;
    options.onPage?.();
    const page = readPage<T>(body, key, accountId, label);
    items.push(...page.items);
    if (pages === 1 && typeof page.total === 'number') {
      total = page.total;
    }

    if (!page.more) {
      return { items, complete: true, total };
    }
    if (page.items.length === 0) {
      throw new PagerDutyError({
        kind: 'pagination',
        accountId,
        message: `PagerDuty account "${accountId}": ${label} returned an empty page with more: true at offset ${offset}; stopping instead of looping`,
      });
    }
    if (
      options.stopWhenOverCap &&
      total !== null &&
      total > PAGERDUTY_OFFSET_CAP
    ) {
      return { items, complete: false, total };
    }

    offset += page.items.length;
    const crossesCap = offset + limit > PAGERDUTY_OFFSET_CAP;
    if (pages >= maxPages || crossesCap) {
      if (total !== null && total <= PAGERDUTY_OFFSET_CAP) {
        // Reported to fit, yet still going: the server is not ending the
        // list, and more pages would not help.
        throw boundError(accountId, label, pages, items.length, total);
      }
      return { items, complete: false, total };
    }
  }
}

function boundError(
  accountId: string,
  label: string,
  pages: number,
  count: number,
  total: number,
): PagerDutyError {
  return new PagerDutyError({
    kind: 'pagination',
    accountId,
    message: `PagerDuty account "${accountId}": ${label} still answered more: true after ${pages} pages (${count} items, reported total ${total}); stopped at the page bound`,
  });
}

function readPage<T>(
  body: unknown,
  key: string,
  accountId: string,
  label: string,
): { items: T[]; more: boolean; total: number | null } {
  const page = body as (PdPage & Record<string, unknown>) | null;
  if (!page || typeof page !== 'object' || !Array.isArray(page[key])) {
    throw new PagerDutyError({
      kind: 'invalid-response',
      accountId,
      message: `PagerDuty account "${accountId}": ${label} returned JSON without a "${key}" list`,
    });
  }
  return {
    items: page[key] as T[],
    more: page.more === true,
    total: typeof page.total === 'number' ? page.total : null,
  };
}
