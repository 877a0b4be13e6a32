import { createServer, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FailureMode, FailureRule } from './failureInjector';
import { demoFleet } from './fixtures/demoFleet';
import type { PagerDutyFleet } from './fixtures/fleetTypes';
import {
  applyControlCommand,
  ControlCommand,
  CONTROL_PATHS,
  handleControlRequest,
} from './handleControlRequest';
import { handlePagerDutyRequest } from './handlePagerDutyRequest';
import type { SimulatorStats } from './simulatorStats';
import { SimulatorClock, SimulatorState } from './simulatorState';

/** The token the demo configuration uses for the simulator. */
export const DEFAULT_SIMULATOR_TOKEN = 'sim-token-preflight';

/** Options of {@link startPagerDutySimulator}. */
export interface PagerDutySimulatorOptions {
  /** the data to serve; default `demoFleet(now)` */
  fleet?: PagerDutyFleet;
  /** port on 127.0.0.1; default 0 (any free port) */
  port?: number;
  /** accepted API keys (`Authorization: Token token=<key>`); default `['sim-token-preflight']` */
  tokens?: string[];
  /** the clock: a fixed instant or a function; default the real clock */
  now?: SimulatorClock;
  /** requests per minute per token before 429; default 960 as PagerDuty */
  rateLimitPerMinute?: number;
  /** send `ratelimit-limit/remaining/reset` headers; default true (PagerDuty sometimes omits them) */
  rateLimitHeaders?: boolean;
  /** failure to inject from the start */
  failure?: FailureMode | FailureRule;
  /** delay before answering each PagerDuty request, to mimic network latency; default 0 */
  latencyMs?: number;
  /** zone timestamps are rendered in when no `time_zone` is given; default UTC */
  accountTimeZone?: string;
  /** base of `html_url` links; default `https://preflight-demo.pagerduty.com` */
  webBaseUrl?: string;
  /**
   * base of `self` links; default `https://api.pagerduty.com` as the live API
   * sends them (clients must not depend on following `self`)
   */
  selfBaseUrl?: string;
}

/** Run-time control of a simulator, in process (the same as `POST /__control`). */
export interface PagerDutySimulatorControl {
  /** injects a failure; `null` or `'none'` heals */
  setFailure(failure: FailureMode | FailureRule | null): void;
  /** changes the per-token budget and whether rate-limit headers are sent */
  setRateLimit(options: { perMinute?: number; headers?: boolean }): void;
  /** forgets every token's current window */
  resetRateLimits(): void;
  /** changes the delay before each answer */
  setLatency(ms: number): void;
  /** replaces the clock; `null` restores the real one */
  setClock(now: SimulatorClock | null): void;
  /** the simulator's current time */
  now(): Date;
  /** serves another fleet from now on */
  setFleet(fleet: PagerDutyFleet): void;
  /** the fleet being served */
  fleet(): PagerDutyFleet;
  /** counters since start or the last reset */
  stats(): SimulatorStats;
  resetStats(): void;
  /** applies a command in the `POST /__control` format; throws when invalid */
  apply(command: ControlCommand): void;
}

/** A running simulator. */
export interface PagerDutySimulator {
  /** e.g. `http://127.0.0.1:40123`; use it as the PagerDuty API base URL */
  url: string;
  control: PagerDutySimulatorControl;
  /** stops listening and drops open (including hung) connections */
  close(): Promise<void>;
}

/**
 * Starts a PagerDuty REST API simulator on 127.0.0.1: the read endpoints
 * Preflight uses, with PagerDuty's auth, classic pagination (and its 10,000
 * cap), per-token rate limiting and error bodies, serving a fleet from
 * deterministic fixtures, plus failure injection for tests.
 */
export async function startPagerDutySimulator(
  options: PagerDutySimulatorOptions = {},
): Promise<PagerDutySimulator> {
  const clock = options.now;
  const state = new SimulatorState({
    fleet: options.fleet ?? demoFleet(SimulatorState.toClock(clock)()),
    clock,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 960,
    rateLimitHeaders: options.rateLimitHeaders ?? true,
    latencyMs: options.latencyMs ?? 0,
    tokens: options.tokens ?? [DEFAULT_SIMULATOR_TOKEN],
    accountTimeZone: options.accountTimeZone ?? 'UTC',
    webBaseUrl: (
      options.webBaseUrl ?? 'https://preflight-demo.pagerduty.com'
    ).replace(/\/$/, ''),
    selfBaseUrl: (options.selfBaseUrl ?? 'https://api.pagerduty.com').replace(
      /\/$/,
      '',
    ),
  });
  if (options.failure) {
    state.failures.set(options.failure);
  }
  const hung = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handled = CONTROL_PATHS.includes(url.pathname)
      ? handleControlRequest(req, res, url.pathname, state)
      : handlePagerDutyRequest(req, res, url, state, hung);
    handled.catch(error => {
      process.stderr.write(
        `pagerduty simulator: ${(error as Error)?.stack ?? error}\n`,
      );
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });
  // Keep-alive sockets would otherwise hold close() open.
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const control: PagerDutySimulatorControl = {
    setFailure: failure => state.failures.set(failure),
    setRateLimit: ({ perMinute, headers }) => {
      if (perMinute !== undefined) state.rateLimiter.setLimit(perMinute);
      if (headers !== undefined) state.rateLimitHeaders = headers;
    },
    resetRateLimits: () => state.rateLimiter.reset(),
    setLatency: ms => {
      state.latencyMs = ms;
    },
    setClock: now => state.setClock(now),
    now: () => state.now(),
    setFleet: fleet => state.setFleet(fleet),
    fleet: () => state.index.fleet,
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
    apply: command => {
      const problem = applyControlCommand(state, command);
      if (problem) {
        throw new Error(problem);
      }
    },
  };

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    control,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        for (const res of hung) {
          res.destroy();
        }
        server.closeAllConnections();
      })),
  };
}
