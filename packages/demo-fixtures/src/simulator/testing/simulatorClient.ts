import { DEFAULT_SIMULATOR_TOKEN } from '../startPagerDutySimulator';

/** A response read completely, body parsed when it is JSON. */
export interface SimulatorResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/**
 * GET a PagerDuty path from a simulator the way a PagerDuty client would
 * (token auth, v2 Accept header). For tests of the simulator itself; the
 * PagerDuty module has its own client.
 */
export async function pagerDutyGet(
  baseUrl: string,
  pathAndQuery: string,
  options: { token?: string | null; signal?: AbortSignal } = {},
): Promise<SimulatorResponse> {
  const token =
    options.token === undefined ? DEFAULT_SIMULATOR_TOKEN : options.token;
  const response = await fetch(`${baseUrl}${pathAndQuery}`, {
    headers: {
      Accept: 'application/vnd.pagerduty+json;version=2',
      ...(token === null ? {} : { Authorization: `Token token=${token}` }),
    },
    signal: options.signal ?? AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * Follows classic pagination (`limit`, `offset`, `more`) to the end and
 * returns every page. Bounded: throws after `maxPages`.
 */
export async function pagerDutyGetAllPages(
  baseUrl: string,
  pathAndQuery: string,
  options: { limit?: number; maxPages?: number } = {},
): Promise<SimulatorResponse[]> {
  const limit = options.limit ?? 100;
  const maxPages = options.maxPages ?? 200;
  const separator = pathAndQuery.includes('?') ? '&' : '?';
  const pages: SimulatorResponse[] = [];
  for (let offset = 0; pages.length < maxPages; offset += limit) {
    const page = await pagerDutyGet(
      baseUrl,
      `${pathAndQuery}${separator}limit=${limit}&offset=${offset}`,
    );
    pages.push(page);
    if (page.status !== 200 || !page.body?.more) {
      return pages;
    }
  }
  throw new Error(`${pathAndQuery} still had more after ${maxPages} pages`);
}
