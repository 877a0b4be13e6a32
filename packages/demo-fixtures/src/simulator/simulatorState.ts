import { FailureInjector } from './failureInjector';
import type { PagerDutyFleet } from './fixtures/fleetTypes';
import { FleetIndex } from './fleetIndex';
import { MemoCache } from './memoCache';
import { RateLimiter } from './rateLimiter';
import { StatsRecorder } from './simulatorStats';

/** A clock: a fixed instant or a function returning the current one. */
export type SimulatorClock = Date | (() => Date);

/** Everything a running simulator can change at run time. */
export class SimulatorState {
  readonly failures = new FailureInjector();
  readonly stats = new StatsRecorder();
  readonly memo = new MemoCache();
  readonly rateLimiter: RateLimiter;
  rateLimitHeaders: boolean;
  latencyMs: number;
  readonly tokens: readonly string[];
  readonly accountTimeZone: string;
  readonly webBaseUrl: string;
  readonly selfBaseUrl: string;
  private clock: () => Date;
  private currentIndex: FleetIndex;

  constructor(options: {
    fleet: PagerDutyFleet;
    clock: SimulatorClock | undefined;
    rateLimitPerMinute: number;
    rateLimitHeaders: boolean;
    latencyMs: number;
    tokens: readonly string[];
    accountTimeZone: string;
    webBaseUrl: string;
    selfBaseUrl: string;
  }) {
    this.clock = SimulatorState.toClock(options.clock);
    this.currentIndex = new FleetIndex(options.fleet);
    this.rateLimiter = new RateLimiter(options.rateLimitPerMinute, () =>
      this.now().getTime(),
    );
    this.rateLimitHeaders = options.rateLimitHeaders;
    this.latencyMs = options.latencyMs;
    this.tokens = options.tokens;
    this.accountTimeZone = options.accountTimeZone;
    this.webBaseUrl = options.webBaseUrl;
    this.selfBaseUrl = options.selfBaseUrl;
  }

  /** A clock function for a clock option (the real clock when undefined). */
  static toClock(clock: SimulatorClock | undefined): () => Date {
    if (clock === undefined) {
      return () => new Date();
    }
    if (clock instanceof Date) {
      const fixed = clock.getTime();
      return () => new Date(fixed);
    }
    return clock;
  }

  /** The simulator's current time. */
  now(): Date {
    return this.clock();
  }

  /** Replaces the clock; `null` restores the real one. */
  setClock(clock: SimulatorClock | null): void {
    this.clock = SimulatorState.toClock(clock ?? undefined);
    this.memo.clear();
  }

  /** The index of the fleet being served. */
  get index(): FleetIndex {
    return this.currentIndex;
  }

  /** Serves another fleet from now on. */
  setFleet(fleet: PagerDutyFleet): void {
    this.currentIndex = new FleetIndex(fleet);
    this.memo.clear();
  }
}
