/** Counters of what the simulator served, for tests and the benchmark. */
export interface SimulatorStats {
  /** every request to a PagerDuty path, whatever its outcome */
  totalRequests: number;
  /** requests per concrete path, e.g. `/services/PCHKOUT` */
  byPath: Record<string, number>;
  /** requests per operation, e.g. `GET /services/{id}` (unknown paths under `unmatched`) */
  byOperation: Record<string, number>;
  /** responses per status code (`0` for destroyed and hung connections) */
  byStatus: Record<string, number>;
  /** 429 responses sent */
  rateLimited: number;
  /** 401 responses sent */
  unauthorized: number;
  /** requests that got an injected failure */
  failuresInjected: number;
  /** requests without `Accept: application/vnd.pagerduty+json;version=2` */
  withoutPagerDutyAccept: number;
  /** most PagerDuty requests in flight at once */
  maxConcurrent: number;
}

/** Mutable recorder behind {@link SimulatorStats}. */
export class StatsRecorder {
  private stats: SimulatorStats = StatsRecorder.empty();
  private inFlight = 0;

  private static empty(): SimulatorStats {
    return {
      totalRequests: 0,
      byPath: {},
      byOperation: {},
      byStatus: {},
      rateLimited: 0,
      unauthorized: 0,
      failuresInjected: 0,
      withoutPagerDutyAccept: 0,
      maxConcurrent: 0,
    };
  }

  /** Records the start of a PagerDuty request; pair with {@link StatsRecorder.end}. */
  begin(pathname: string, hasPagerDutyAccept: boolean): void {
    this.stats.totalRequests++;
    this.stats.byPath[pathname] = (this.stats.byPath[pathname] ?? 0) + 1;
    if (!hasPagerDutyAccept) {
      this.stats.withoutPagerDutyAccept++;
    }
    this.inFlight++;
    this.stats.maxConcurrent = Math.max(
      this.stats.maxConcurrent,
      this.inFlight,
    );
  }

  /** Records which operation a request matched. */
  operation(name: string): void {
    this.stats.byOperation[name] = (this.stats.byOperation[name] ?? 0) + 1;
  }

  /** Records an injected failure. */
  failure(): void {
    this.stats.failuresInjected++;
  }

  /** Records the end of a request with its status (0 when no response was sent). */
  end(status: number): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
    if (status === 429) {
      this.stats.rateLimited++;
    }
    if (status === 401) {
      this.stats.unauthorized++;
    }
  }

  /** A copy of the counters. */
  snapshot(): SimulatorStats {
    return JSON.parse(JSON.stringify(this.stats));
  }

  /** Zeroes the counters (requests in flight stay counted as in flight). */
  reset(): void {
    this.stats = StatsRecorder.empty();
  }
}
