import type { PrometheusInstanceConfig } from '../config/PrometheusModuleConfig';
import { ConcurrencyLimiter } from './ConcurrencyLimiter';
import { decodeAlertingRules } from './decodeAlertingRules';
import { detectEngine, type PrometheusEngineInfo } from './detectEngine';
import { decodeInstantResult, decodeRangeResult } from './decodeQueryResult';
import { parsePrometheusEnvelope } from './parsePrometheusEnvelope';
import {
  parsePrometheusResponse,
  type PrometheusSuccess,
} from './parsePrometheusResponse';
import { PrometheusQueryError } from './PrometheusQueryError';
import type {
  InstantQueryResult,
  PrometheusAlertingRule,
  RangeQueryResult,
} from './PrometheusResult';
import {
  PROMETHEUS_MAX_POINTS_PER_SERIES,
  countRangePoints,
} from './rangeQueryLimits';
import { sleep } from '@preflight/plugin-reliability-node';
import { RetryBackoff, type RetryBackoffOptions } from './RetryBackoff';

/** Construction options of {@link PrometheusClient}. */
export interface PrometheusClientOptions {
  instance: Pick<
    PrometheusInstanceConfig,
    'name' | 'baseUrl' | 'headers' | 'timeoutMs' | 'maxConcurrency'
  >;
  retry?: RetryBackoffOptions;
  /** Injected in tests so backoff costs no real time. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** Options of {@link PrometheusClient.instantQuery}. */
export interface InstantQueryOptions {
  /** Evaluation instant (a Date or Unix seconds). Always explicit: results must not depend on when the request lands. */
  time: Date | number;
  /** Aborts the query and any retry wait (e.g. the sync task's signal). */
  signal?: AbortSignal;
}

/** Options of {@link PrometheusClient.rangeQuery}. */
export interface RangeQueryOptions {
  start: Date | number;
  end: Date | number;
  stepSeconds: number;
  signal?: AbortSignal;
}

/** Options of {@link PrometheusClient.alertingRules}. */
export interface AlertingRulesOptions {
  signal?: AbortSignal;
}

/** Counters of one client, for logs and benchmarks. */
export interface PrometheusClientStats {
  /** Requests asked for (instant + range queries, rule listings). */
  queries: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** Queries that ended in an error. */
  failures: number;
  /** Most requests in flight at once. */
  peakConcurrency: number;
}

interface UpstreamRequest {
  method: 'GET' | 'POST';
  /** Path and query string under the base URL. */
  path: string;
  /** Sent form-encoded (POST). */
  form?: URLSearchParams;
}

function toSeconds(time: Date | number): number {
  return time instanceof Date ? time.getTime() / 1000 : time;
}

function formatSeconds(seconds: number): string {
  // Milliseconds are all Prometheus keeps; fixed notation avoids "1e+9".
  return Number(seconds.toFixed(3)).toString();
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return seconds;
  }
  const date = Date.parse(header);
  return Number.isFinite(date)
    ? Math.max(0, (date - Date.now()) / 1000)
    : undefined;
}

const NETWORK_ERROR_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * Client of one Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir,
 * VictoriaMetrics).
 *
 * Every query is a form POST (no URL length limit) with an explicit
 * evaluation time, a server-side `timeout` just under the client's own
 * deadline and a request for complete answers (`partial_response=false` for
 * Thanos, `deny_partial_response=1` for VictoriaMetrics cluster); an answer
 * marked partial anyway (`isPartial`) carries a warning; the alerting rules are one GET. Each request has a deadline (`AbortSignal.timeout`, combined
 * with the caller's signal); network errors, `timeout`/`canceled`, 429 and
 * 5xx answers are retried a bounded number of times with backoff, while
 * `bad_data` (400) and `execution` (422) fail at once. At most
 * `maxConcurrency` requests are in flight. Errors name the instance and the
 * error type and never contain a configured header value.
 */
export class PrometheusClient {
  readonly instanceName: string;
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];
  private readonly timeoutMs: number;
  private readonly backoff: RetryBackoff;
  private readonly limiter: ConcurrencyLimiter;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly fetch: typeof fetch;
  private detected?: PrometheusEngineInfo;
  private readonly counters = {
    queries: 0,
    requests: 0,
    retries: 0,
    failures: 0,
  };

  constructor(options: PrometheusClientOptions) {
    const { instance } = options;
    this.instanceName = instance.name;
    this.baseUrl = instance.baseUrl.replace(/\/+$/, '');
    this.headers = { ...instance.headers };
    this.secrets = Object.values(instance.headers).filter(v => v.length >= 4);
    this.timeoutMs = instance.timeoutMs;
    this.backoff = new RetryBackoff(options.retry);
    this.limiter = new ConcurrencyLimiter(instance.maxConcurrency);
    this.sleep = options.sleep ?? sleep;
    this.fetch = options.fetch ?? ((...args) => fetch(...args));
  }

  /** `POST /api/v1/query` at an explicit time. */
  async instantQuery(
    query: string,
    options: InstantQueryOptions,
  ): Promise<InstantQueryResult> {
    const form = new URLSearchParams({
      query,
      time: formatSeconds(toSeconds(options.time)),
    });
    const success = await this.post('/api/v1/query', form, options.signal);
    return decodeInstantResult(this.instanceName, success);
  }

  /**
   * `POST /api/v1/query_range`. Refuses, without a request, a range that
   * would return more than 11,000 points per series.
   */
  async rangeQuery(
    query: string,
    options: RangeQueryOptions,
  ): Promise<RangeQueryResult> {
    const start = toSeconds(options.start);
    const end = toSeconds(options.end);
    const points = countRangePoints(start, end, options.stepSeconds);
    if (points > PROMETHEUS_MAX_POINTS_PER_SERIES) {
      this.counters.queries += 1;
      this.counters.failures += 1;
      throw new PrometheusQueryError({
        instance: this.instanceName,
        errorType: 'too_many_points',
        retryable: false,
        detail: `a ${end - start}s range at a ${
          options.stepSeconds
        }s step is ${points} points per series; Prometheus returns at most ${PROMETHEUS_MAX_POINTS_PER_SERIES}`,
      });
    }
    const form = new URLSearchParams({
      query,
      start: formatSeconds(start),
      end: formatSeconds(end),
      step: formatSeconds(options.stepSeconds),
    });
    const success = await this.post(
      '/api/v1/query_range',
      form,
      options.signal,
    );
    return decodeRangeResult(this.instanceName, success);
  }

  /**
   * `GET /api/v1/rules?type=alert`: every alerting rule the server
   * evaluates, in one request, with the same deadline, retries and error
   * handling as a query. Recording rules are left out even when the engine
   * ignores `type`. `exclude_alerts` spares the active alerts of each rule
   * on engines that know it (Prometheus 2.50+); older ones ignore it.
   */
  async alertingRules(
    options: AlertingRulesOptions = {},
  ): Promise<PrometheusAlertingRule[]> {
    const search = new URLSearchParams({
      type: 'alert',
      exclude_alerts: 'true',
    });
    return this.send(
      { method: 'GET', path: `/api/v1/rules?${search}` },
      options.signal,
      (status, body) =>
        decodeAlertingRules(
          this.instanceName,
          parsePrometheusEnvelope(this.instanceName, status, body).data,
        ),
    );
  }

  /**
   * Whether the instance answers at all: one `GET /api/v1/status/buildinfo`
   * with the usual deadline and no retry, so a sync can find out that the
   * instance is down with one request instead of failing every query three
   * times. Any HTTP answer but a 5xx or 429 counts as up (an engine without
   * the endpoint answers 404, and then the queries tell what is wrong).
   * @throws {@link PrometheusQueryError} `network`, `deadline`,
   * `unavailable` or `rate_limited` when it is down or refusing work.
   */
  async probe(options: { signal?: AbortSignal } = {}): Promise<void> {
    this.counters.queries += 1;
    const outcome = await this.attempt(
      { method: 'GET', path: '/api/v1/status/buildinfo' },
      options.signal,
      (status, body, headers) => {
        if (status >= 500 || status === 429) {
          throw new PrometheusQueryError({
            instance: this.instanceName,
            errorType: status === 429 ? 'rate_limited' : 'unavailable',
            httpStatus: status,
            retryable: true,
            detail: `the instance answered HTTP ${status}`,
          });
        }
        this.detected = detectEngine(status, headers, body);
        return undefined;
      },
    );
    if (outcome.error) {
      this.counters.failures += 1;
      throw outcome.error;
    }
  }

  /**
   * The engine behind the instance, from the last probe's build info, or
   * from one `GET /api/v1/status/buildinfo` (no retry) when no probe ran
   * yet. `unknown` when it cannot tell or does not answer.
   */
  async engine(
    options: { signal?: AbortSignal } = {},
  ): Promise<PrometheusEngineInfo> {
    if (!this.detected) {
      try {
        await this.probe(options);
      } catch {
        return { engine: 'unknown' };
      }
    }
    return this.detected ?? { engine: 'unknown' };
  }

  /** The engine the last probe detected; undefined before any probe answered. */
  get detectedEngine(): PrometheusEngineInfo | undefined {
    return this.detected;
  }

  /** Counters since the client was made. */
  stats(): PrometheusClientStats {
    return { ...this.counters, peakConcurrency: this.limiter.peakConcurrency };
  }

  private async post(
    path: string,
    form: URLSearchParams,
    signal: AbortSignal | undefined,
  ): Promise<PrometheusSuccess> {
    // Slightly under our own deadline, so the server gives up first and
    // answers with a clean `timeout` error instead of computing on for
    // nobody.
    form.set('timeout', formatSeconds((this.timeoutMs * 0.9) / 1000));
    // Complete answers or an error, where the engine lets us choose: Thanos
    // answers from the stores that responded unless told otherwise, and
    // VictoriaMetrics cluster likewise. Prometheus and Mimir ignore both.
    form.set('partial_response', 'false');
    form.set('deny_partial_response', '1');
    return this.send({ method: 'POST', path, form }, signal, (status, body) => {
      const success = parsePrometheusResponse(
        this.instanceName,
        status,
        body,
        form.get('query') ?? undefined,
      );
      return {
        ...success,
        warnings: success.warnings.map(w => this.redact(w)),
        infos: success.infos.map(i => this.redact(i)),
      };
    });
  }

  private async send<T>(
    request: UpstreamRequest,
    signal: AbortSignal | undefined,
    parse: (httpStatus: number, body: string, headers: Headers) => T,
  ): Promise<T> {
    this.counters.queries += 1;
    try {
      return await this.limiter.run(
        () => this.attempts(request, signal, parse),
        signal,
      );
    } catch (error) {
      this.counters.failures += 1;
      if (signal?.aborted && !(error instanceof PrometheusQueryError)) {
        throw this.error('aborted', false, 'the caller aborted the query');
      }
      throw error;
    }
  }

  private async attempts<T>(
    request: UpstreamRequest,
    signal: AbortSignal | undefined,
    parse: (httpStatus: number, body: string, headers: Headers) => T,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(request, signal, parse);
      if (!(outcome.error instanceof PrometheusQueryError)) {
        return outcome.success as T;
      }
      const error = outcome.error.withAttempts(attempt);
      if (!error.retryable || attempt >= this.backoff.maxAttempts) {
        throw error;
      }
      this.counters.retries += 1;
      await this.sleep(
        this.backoff.delayMs(attempt, outcome.retryAfter),
        signal,
      );
    }
  }

  private async attempt<T>(
    request: UpstreamRequest,
    signal: AbortSignal | undefined,
    parse: (httpStatus: number, body: string, headers: Headers) => T,
  ): Promise<{
    success?: T;
    error?: PrometheusQueryError;
    retryAfter?: number;
  }> {
    signal?.throwIfAborted();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    this.counters.requests += 1;
    let response: Response;
    let body: string;
    try {
      response = await this.fetch(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          ...this.headers,
          accept: 'application/json',
          ...(request.form
            ? { 'content-type': 'application/x-www-form-urlencoded' }
            : {}),
        },
        body: request.form?.toString(),
        signal: combined,
      });
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) {
        throw this.error('aborted', false, 'the caller aborted the query');
      }
      if (deadline.aborted) {
        // Not retried: another full deadline would multiply the wait of a
        // sync for a server that is already too slow.
        return {
          error: this.error(
            'deadline',
            false,
            `no answer within ${this.timeoutMs} ms (timed out)`,
          ),
        };
      }
      return {
        error: this.error('network', true, this.describeNetworkError(error)),
      };
    }
    try {
      return { success: parse(response.status, body, response.headers) };
    } catch (error) {
      if (error instanceof PrometheusQueryError) {
        return {
          error: this.redacted(error),
          retryAfter: retryAfterSeconds(response),
        };
      }
      throw error;
    }
  }

  private error(
    errorType: string,
    retryable: boolean,
    detail: string,
  ): PrometheusQueryError {
    return new PrometheusQueryError({
      instance: this.instanceName,
      errorType,
      retryable,
      detail: this.redact(detail),
    });
  }

  private describeNetworkError(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } })
      ?.cause;
    const code = cause?.code;
    const text = code ?? cause?.message ?? String(error);
    // Codes are for logs; people read "connection refused".
    const words = code ? NETWORK_ERROR_WORDS[code] : undefined;
    return `request to ${this.baseUrl} failed: ${
      words ? `${words} (${code})` : text
    }`;
  }

  private redacted(error: PrometheusQueryError): PrometheusQueryError {
    const detail = this.redact(error.detail);
    const warnings = error.warnings.map(w => this.redact(w));
    if (
      detail === error.detail &&
      warnings.every((w, i) => w === error.warnings[i])
    ) {
      return error;
    }
    return new PrometheusQueryError({
      instance: error.instance,
      errorType: error.errorType,
      httpStatus: error.httpStatus,
      retryable: error.retryable,
      attempts: error.attempts,
      detail,
      warnings,
    });
  }

  // Prometheus does not echo request headers, but a misconfigured proxy
  // could; a tenant id or token must never reach a log line.
  private redact(text: string): string {
    return this.secrets.reduce(
      (result, secret) => result.split(secret).join('[redacted]'),
      text,
    );
  }
}
