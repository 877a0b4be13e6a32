/*
 * HTTP load for the read benchmarks, with autocannon in a worker thread so
 * the load generator's own CPU is not counted as server latency.
 */
import autocannon from 'autocannon';

/** What one load run measured. */
export interface LoadFigures {
  connections: number;
  requests: number;
  /** Answers that were not 2xx/304, plus connection errors and timeouts. */
  failures: number;
  /** Percentiles in whole milliseconds (autocannon's resolution). */
  p50Ms: number;
  p99Ms: number;
  /**
   * Wall time per request per connection (connections ÷ throughput): with
   * one connection, the mean latency as the client saw it, to fractions of
   * a millisecond (autocannon records whole milliseconds, so its own mean of
   * sub-millisecond answers is mostly zeros).
   */
  meanMs: number;
  requestsPerSecond: number;
  /** Mean response body size. */
  bytesPerResponse: number;
}

/**
 * Fires GET requests at `baseUrl` for `seconds` over `connections`
 * keep-alive connections, cycling through `paths` (so a run reads many
 * entities, not one cached answer), and returns latency percentiles and
 * throughput. A fixed duration, not a fixed number of requests: the
 * throughput is then requests ÷ a known time, not ÷ autocannon's rounded
 * run time.
 */
export async function load(options: {
  baseUrl: string;
  paths: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.seconds,
    workers: 1,
    timeout: 30,
    headers: options.headers,
    requests: options.paths.map(path => ({ method: 'GET', path })),
  });
  return {
    connections: options.connections,
    requests: result.requests.total,
    // A 304 (a revalidated answer) is a success; other non-2xx are not.
    failures:
      result.non2xx - (result['3xx'] ?? 0) + result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs:
      result.requests.total > 0
        ? (options.connections * options.seconds * 1000) / result.requests.total
        : NaN,
    requestsPerSecond: +(result.requests.total / options.seconds).toFixed(1),
    bytesPerResponse:
      result.requests.total > 0
        ? Math.round(result.throughput.total / result.requests.total)
        : 0,
  };
}
