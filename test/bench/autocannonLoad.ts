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
  /** Mean latency, with fractions: what compares sub-millisecond answers. */
  meanMs: number;
  requestsPerSecond: number;
  /** Mean response body size. */
  bytesPerResponse: number;
}

/**
 * Fires `amount` GET requests at `baseUrl` over `connections` keep-alive
 * connections, cycling through `paths` (so a run reads many entities, not one
 * cached answer), and returns latency percentiles and throughput.
 */
export async function load(options: {
  baseUrl: string;
  paths: string[];
  connections: number;
  amount: number;
  headers?: Record<string, string>;
}): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.baseUrl,
    connections: options.connections,
    amount: options.amount,
    workers: 1,
    timeout: 30,
    headers: options.headers,
    requests: options.paths.map(path => ({ method: 'GET', path })),
  });
  return {
    connections: options.connections,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    requestsPerSecond: +(result.requests.total / result.duration).toFixed(1),
    bytesPerResponse:
      result.requests.total > 0
        ? Math.round(result.throughput.total / result.requests.total)
        : 0,
  };
}
