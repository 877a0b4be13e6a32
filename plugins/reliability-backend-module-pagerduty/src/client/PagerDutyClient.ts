import type { LoggerService } from '@backstage/backend-plugin-api';
import { type Clock, systemClock } from './Clock';
import {
  PAGERDUTY_MAX_LIMIT,
  PAGERDUTY_OFFSET_CAP,
  type PagerDutyListResult,
  paginateOffset,
} from './paginate';
import { PagerDutyError } from './PagerDutyError';
import type { RateLimiter } from './RateLimiter';
import { RateLimiterRegistry } from './RateLimiterRegistry';
import { RetryPolicy, type RetryPolicyOptions } from './RetryPolicy';
import { sendRequest } from './sendRequest';

/** Query parameters; array values are sent once per element (`include[]=a&include[]=b`). */
export type PagerDutyQuery = Record<
  string,
  string | number | boolean | readonly string[] | undefined
>;

/** Call metrics of one client since it was created (or last reset). */
export interface PagerDutyClientStats {
  /** HTTP requests sent, including retries and the ones answered 429. */
  requests: number;
  /** List pages received. */
  pages: number;
  /** 429 responses received. */
  rateLimited: number;
  /** Attempts repeated after a 5xx, network error, timeout or bad body. */
  retries: number;
  /** Time the token was paused because of 429 responses, in ms. */
  rateLimitWaitMs: number;
}

/** Options of {@link PagerDutyClient}. */
export interface PagerDutyClientOptions {
  /** The configured account id; named in errors and logs. */
  accountId: string;
  /** e.g. `https://api.pagerduty.com` or `https://api.eu.pagerduty.com`. */
  baseUrl: string;
  token: string;
  /** `token` (REST API key, default) or `bearer` (OAuth). */
  tokenType?: 'token' | 'bearer';
  /** Pace of the token's shared limiter. Default 960. */
  requestsPerMinute?: number;
  /** Deadline of each HTTP attempt, body included. Default 30,000. */
  requestTimeoutMs?: number;
  /** Page bound of one list query. Default 100 (10,000 items at `limit=100`). */
  maxPages?: number;
  retry?: RetryPolicyOptions;
  /**
   * Shared limiters; pass the same registry to every client so clients with
   * the same token share one budget. Default: a registry of this client alone.
   */
  rateLimiters?: RateLimiterRegistry;
  clock?: Clock;
  fetch?: typeof fetch;
  logger?: LoggerService;
}

/** Per-call options. */
export interface PagerDutyCallOptions {
  signal?: AbortSignal;
}

/** Per-list options. */
export interface PagerDutyListOptions extends PagerDutyCallOptions {
  /**
   * Stop after the first page when PagerDuty reports a total above the
   * 10,000-offset cap, because the caller will split the list. Default true.
   */
  stopWhenOverCap?: boolean;
}

/**
 * A small PagerDuty REST API v2 client: deadlines on every attempt, bounded
 * retries with backoff and jitter, a per-token rate limiter shared by all
 * clients of a registry, 429 handling and bounded offset pagination. Errors
 * are {@link PagerDutyError}s that name the account, never the token.
 */
export class PagerDutyClient {
  readonly accountId: string;
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly tokenType: 'token' | 'bearer';
  private readonly timeoutMs: number;
  private readonly maxPages: number;
  private readonly retry: RetryPolicy;
  private readonly limiter: RateLimiter;
  private readonly clock: Clock;
  private readonly fetchImpl: typeof fetch;
  private readonly logger?: LoggerService;
  private counters: PagerDutyClientStats = emptyStats();

  constructor(options: PagerDutyClientOptions) {
    this.accountId = options.accountId;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.tokenType = options.tokenType ?? 'token';
    this.timeoutMs = options.requestTimeoutMs ?? 30_000;
    this.maxPages = Math.max(
      1,
      options.maxPages ?? PAGERDUTY_OFFSET_CAP / PAGERDUTY_MAX_LIMIT,
    );
    this.retry = new RetryPolicy(options.retry);
    this.clock = options.clock ?? systemClock;
    const registry =
      options.rateLimiters ?? new RateLimiterRegistry({ clock: this.clock });
    this.limiter = registry.forToken(
      options.token,
      options.requestsPerMinute ?? 960,
    );
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.logger = options.logger;
  }

  /** Call metrics so far. */
  stats(): PagerDutyClientStats {
    return { ...this.counters };
  }

  /** Starts the call metrics from zero. */
  resetStats(): void {
    this.counters = emptyStats();
  }

  /** `GET path` and its JSON body. */
  async get<T>(
    path: string,
    query: PagerDutyQuery = {},
    options: PagerDutyCallOptions = {},
  ): Promise<T> {
    return (await this.request(path, query, options.signal)) as T;
  }

  /**
   * Reads a classic offset-paginated list with `limit=100`. See
   * {@link PagerDutyListResult.complete} for lists that PagerDuty cannot
   * serve whole.
   */
  async list<T>(
    path: string,
    key: string,
    query: PagerDutyQuery = {},
    options: PagerDutyListOptions = {},
  ): Promise<PagerDutyListResult<T>> {
    return paginateOffset<T>({
      accountId: this.accountId,
      label: `GET ${path}`,
      key,
      limit: PAGERDUTY_MAX_LIMIT,
      maxPages: this.maxPages,
      stopWhenOverCap: options.stopWhenOverCap ?? true,
      onPage: () => {
        this.counters.pages += 1;
      },
      fetchPage: (offset, limit, first) =>
        this.request(
          path,
          { ...query, limit, offset, total: first ? true : undefined },
          options.signal,
        ),
    });
  }

  private async request(
    path: string,
    query: PagerDutyQuery,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    const url = this.buildUrl(path, query);
    const label = `GET ${path}`;
    let failures = 0;
    let rateLimitWaits = 0;

    for (;;) {
      const outcome = await this.limiter
        .run(() => {
          this.counters.requests += 1;
          return sendRequest({
            fetch: this.fetchImpl,
            accountId: this.accountId,
            method: 'GET',
            url,
            label,
            token: this.token,
            tokenType: this.tokenType,
            timeoutMs: this.timeoutMs,
            signal,
          });
        }, signal)
        .catch(error => {
          // The caller gave up while PagerDuty's rate limit held the token:
          // that is a rate limit with a known end, not an outage.
          const pausedUntil = this.limiter.pausedUntilMs();
          if (signal?.aborted && pausedUntil > this.clock.now()) {
            throw new PagerDutyError({
              kind: 'rate-limited',
              accountId: this.accountId,
              status: 429,
              retryAfterSeconds: Math.max(
                1,
                Math.ceil((pausedUntil - this.clock.now()) / 1000),
              ),
              cause: error,
              message: `PagerDuty account "${this.accountId}": ${label} was rate limited (HTTP 429) and the caller's deadline came before the rate-limit window reopened`,
            });
          }
          throw error;
        });

      if (outcome.kind === 'ok') {
        return outcome.body;
      }

      if (outcome.kind === 'rate-limited') {
        this.counters.rateLimited += 1;
        rateLimitWaits += 1;
        if (rateLimitWaits > this.retry.maxRateLimitWaits) {
          throw new PagerDutyError({
            kind: 'rate-limited',
            accountId: this.accountId,
            status: 429,
            // PagerDuty's reset header when sent, else the wait we would
            // have taken next.
            retryAfterSeconds: Math.max(
              1,
              Math.ceil(
                this.retry.rateLimitDelayMs(
                  rateLimitWaits,
                  outcome.resetSeconds,
                ) / 1000,
              ),
            ),
            message: `PagerDuty account "${this.accountId}": ${label} was still rate limited (HTTP 429) after waiting ${this.retry.maxRateLimitWaits} times; lower requestsPerMinute or check other users of this token`,
          });
        }
        const delay = this.retry.rateLimitDelayMs(
          rateLimitWaits,
          outcome.resetSeconds,
        );
        this.counters.rateLimitWaitMs += delay;
        // Pausing the limiter, not just this request, holds every request
        // that uses the token until the window reopens.
        this.limiter.pauseUntil(this.clock.now() + delay);
        this.logger?.info(
          `PagerDuty account "${this.accountId}": ${label} rate limited (429, ${
            outcome.resetSeconds === undefined
              ? 'no ratelimit-reset header'
              : `ratelimit-reset ${outcome.resetSeconds}s`
          }); pausing requests for ${delay} ms`,
        );
        continue;
      }

      failures += 1;
      if (failures >= this.retry.maxAttempts) {
        throw new PagerDutyError({
          kind: outcome.error.kind,
          accountId: this.accountId,
          status: outcome.error.status,
          retryable: true,
          cause: outcome.error,
          message: `${outcome.error.message}; gave up after ${failures} attempts`,
        });
      }
      this.counters.retries += 1;
      const delay = this.retry.retryDelayMs(failures);
      this.logger?.warn(
        `${outcome.error.message}; retrying in ${delay} ms (attempt ${
          failures + 1
        } of ${this.retry.maxAttempts})`,
      );
      await this.clock.sleep(delay, signal);
    }
  }

  private buildUrl(path: string, query: PagerDutyQuery): URL {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) {
        continue;
      }
      if (Array.isArray(value)) {
        for (const item of value) {
          url.searchParams.append(name, item);
        }
      } else {
        url.searchParams.set(name, String(value));
      }
    }
    return url;
  }
}

function emptyStats(): PagerDutyClientStats {
  return {
    requests: 0,
    pages: 0,
    rateLimited: 0,
    retries: 0,
    rateLimitWaitMs: 0,
  };
}
