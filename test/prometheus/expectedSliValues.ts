import { SliHistory } from './generateSliHistory';

/** A label matcher: a string matches exactly, a RegExp fully (as PromQL's `=~`). */
export type LabelMatcher = string | RegExp;

/** Selects series like a PromQL vector selector. */
export interface SeriesSelector {
  /** metric name as stored, e.g. `http_requests_total` */
  name: string;
  labels?: Readonly<Record<string, LabelMatcher>>;
}

/** Whether a label value satisfies a matcher; a missing label is the empty string, as in PromQL. */
function matches(value: string | undefined, matcher: LabelMatcher): boolean {
  if (typeof matcher === 'string') {
    return (value ?? '') === matcher;
  }
  return new RegExp(`^(?:${matcher.source})$`, matcher.flags).test(value ?? '');
}

/** Sample indexes whose intervals tile the window `(at - window, at]`. */
function windowIndexes(
  history: SliHistory,
  windowSeconds: number,
  atSeconds: number,
): { first: number; last: number } {
  const { startSeconds, endSeconds, stepSeconds } = history;
  if (
    windowSeconds <= 0 ||
    windowSeconds % stepSeconds !== 0 ||
    (atSeconds - startSeconds) % stepSeconds !== 0
  ) {
    throw new Error(
      `Window ${windowSeconds}s at ${atSeconds} is not aligned to the ${stepSeconds}s samples`,
    );
  }
  if (atSeconds > endSeconds || atSeconds - windowSeconds < startSeconds) {
    throw new Error(
      `Window ${windowSeconds}s at ${atSeconds} reaches outside the history [${startSeconds}, ${endSeconds}]`,
    );
  }
  const last = (atSeconds - startSeconds) / stepSeconds;
  return { first: last - windowSeconds / stepSeconds + 1, last };
}

/**
 * What `sum(increase(<selector>[window]))` at `at` should return, computed
 * from the generator's ground truth: the sum of the true increments of every
 * matching series over `(at - window, at]`. Undefined when no series matches
 * (Prometheus returns an empty vector then). Window and instant must be
 * aligned to the samples and lie inside the history.
 */
export function sumIncrease(
  history: SliHistory,
  selector: SeriesSelector,
  windowSeconds: number,
  atSeconds: number,
): number | undefined {
  const { first, last } = windowIndexes(history, windowSeconds, atSeconds);
  const matching = history.series.filter(
    series =>
      series.name === selector.name &&
      Object.entries(selector.labels ?? {}).every(([label, matcher]) =>
        matches(series.labels[label], matcher),
      ),
  );
  if (matching.length === 0) {
    return undefined;
  }
  let total = 0;
  for (const series of matching) {
    for (let i = first; i <= last; i++) {
      total += series.increments[i];
    }
  }
  return total;
}

/** Requests of a service in a window: all of them, and those answered with 5xx. */
export interface RequestCounts {
  total: number;
  failed: number;
}

/**
 * Requests of `service` in `(at - window, at]` from `http_requests_total`:
 * `total` over every status code, `failed` over `code=~"5.."`. Undefined when
 * the service exports no request counter.
 */
export function expectedRequestCounts(
  history: SliHistory,
  service: string,
  windowSeconds: number,
  atSeconds: number,
): RequestCounts | undefined {
  const name = 'http_requests_total';
  const total = sumIncrease(
    history,
    { name, labels: { service } },
    windowSeconds,
    atSeconds,
  );
  if (total === undefined) {
    return undefined;
  }
  const failed =
    sumIncrease(
      history,
      { name, labels: { service, code: /5../ } },
      windowSeconds,
      atSeconds,
    ) ?? 0;
  return { total, failed };
}

/** Requests of a service in a window: all of them, and those at or below a latency bound. */
export interface LatencyCounts {
  total: number;
  fast: number;
}

/**
 * Requests of `service` in `(at - window, at]` from
 * `http_request_duration_seconds`: `fast` from the bucket `le` (e.g. `"0.5"`),
 * `total` from `_count`. Undefined when the service has no such histogram or
 * bucket.
 */
export function expectedLatencyCounts(
  history: SliHistory,
  service: string,
  le: string,
  windowSeconds: number,
  atSeconds: number,
): LatencyCounts | undefined {
  const fast = sumIncrease(
    history,
    { name: 'http_request_duration_seconds_bucket', labels: { service, le } },
    windowSeconds,
    atSeconds,
  );
  const total = sumIncrease(
    history,
    { name: 'http_request_duration_seconds_count', labels: { service } },
    windowSeconds,
    atSeconds,
  );
  return fast === undefined || total === undefined
    ? undefined
    : { fast, total };
}
