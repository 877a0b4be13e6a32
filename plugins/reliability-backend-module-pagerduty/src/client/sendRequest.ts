import { PagerDutyError } from './PagerDutyError';
import { redactSecret } from './redactSecret';

/** What one HTTP attempt against PagerDuty came to. */
export type AttemptOutcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'rate-limited'; resetSeconds?: number }
  | { kind: 'retryable'; error: PagerDutyError };

/** Inputs of one HTTP attempt. */
export interface SendRequestOptions {
  fetch: typeof fetch;
  accountId: string;
  method: 'GET';
  url: URL;
  /** Shown in errors instead of the full URL, e.g. `GET /services`. */
  label: string;
  token: string;
  tokenType: 'token' | 'bearer';
  timeoutMs: number;
  signal?: AbortSignal;
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json\b/i;

/**
 * Makes one request with a deadline and sorts the response into success,
 * rate limited, worth retrying, or a final error (thrown). An abort by the
 * caller is rethrown as is, so it is never mistaken for a timeout.
 */
export async function sendRequest(
  options: SendRequestOptions,
): Promise<AttemptOutcome> {
  const { accountId, label, token } = options;
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([deadline, options.signal])
    : deadline;
  const fail = (
    kind: PagerDutyError['kind'],
    message: string,
    extra: { status?: number; retryable?: boolean; cause?: unknown } = {},
  ) =>
    new PagerDutyError({
      kind,
      accountId,
      message: redactSecret(
        `PagerDuty account "${accountId}": ${label} ${message}`,
        token,
      ),
      ...extra,
    });

  let status: number;
  let headers: Headers;
  let text: string;
  try {
    const response = await options.fetch(options.url, {
      method: options.method,
      headers: {
        Accept: 'application/vnd.pagerduty+json;version=2',
        Authorization:
          options.tokenType === 'bearer'
            ? `Bearer ${token}`
            : `Token token=${token}`,
      },
      signal,
      redirect: 'error',
    });
    status = response.status;
    headers = response.headers;
    // The body is read under the same deadline: a server that sends headers
    // and then stalls is as stuck as one that never answers.
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) {
      throw options.signal.reason ?? error;
    }
    if (deadline.aborted) {
      return {
        kind: 'retryable',
        error: fail('unavailable', `timed out after ${options.timeoutMs} ms`, {
          retryable: true,
        }),
      };
    }
    return {
      kind: 'retryable',
      error: fail('unavailable', `failed: ${describeNetworkError(error)}`, {
        retryable: true,
      }),
    };
  }

  if (status === 429) {
    return { kind: 'rate-limited', resetSeconds: readResetSeconds(headers) };
  }
  if (status === 401 || status === 403) {
    throw fail(
      'auth',
      `was refused (HTTP ${status}${pagerDutyMessage(
        text,
      )}). Check the API token configured for PagerDuty account "${accountId}" (reliability.pagerduty.accounts): it may be wrong, revoked, or lack read access.`,
      { status },
    );
  }
  if (status === 404) {
    throw fail(
      'not-found',
      `found nothing (HTTP 404${pagerDutyMessage(text)})`,
      {
        status,
      },
    );
  }
  if (status >= 500) {
    return {
      kind: 'retryable',
      error: fail(
        'unavailable',
        `failed with HTTP ${status}${pagerDutyMessage(text)}`,
        {
          status,
          retryable: true,
        },
      ),
    };
  }
  if (status < 200 || status >= 300) {
    throw fail(
      'bad-request',
      `was rejected with HTTP ${status}${pagerDutyMessage(text)}`,
      {
        status,
      },
    );
  }

  const contentType = headers.get('content-type') ?? '';
  if (contentType && !JSON_CONTENT_TYPE.test(contentType)) {
    // Typically a proxy, captive portal or maintenance page answering 200.
    return {
      kind: 'retryable',
      error: fail(
        'invalid-response',
        `returned ${
          contentType.split(';')[0]
        } instead of JSON (HTTP ${status})`,
        { status, retryable: true },
      ),
    };
  }
  try {
    return { kind: 'ok', body: JSON.parse(text) };
  } catch (cause) {
    return {
      kind: 'retryable',
      error: fail(
        'invalid-response',
        `returned a truncated or invalid JSON body (${text.length} bytes, HTTP ${status})`,
        { status, retryable: true, cause },
      ),
    };
  }
}

function readResetSeconds(headers: Headers): number | undefined {
  const raw = headers.get('ratelimit-reset');
  if (raw === null || raw.trim() === '') {
    return undefined;
  }
  const seconds = Number(raw);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** PagerDuty's `{"error":{"message","code","errors"}}`, as `: message (details)`. */
function pagerDutyMessage(text: string): string {
  try {
    const body = JSON.parse(text);
    const error = body?.error;
    if (!error || typeof error !== 'object') {
      return '';
    }
    const message = typeof error.message === 'string' ? error.message : '';
    const details = Array.isArray(error.errors)
      ? error.errors.filter((e: unknown) => typeof e === 'string').join('; ')
      : '';
    const code = typeof error.code === 'number' ? ` code ${error.code}` : '';
    const parts = [message, details ? `(${details})` : '']
      .filter(Boolean)
      .join(' ');
    return parts ? `: ${parts}${code ? ` [${code.trim()}]` : ''}` : '';
  } catch {
    return '';
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code =
      cause && typeof cause === 'object' && 'code' in cause
        ? String((cause as { code: unknown }).code)
        : undefined;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
