/**
 * Why a PagerDuty call failed.
 *
 * - `auth`: 401/403, the token is wrong or lacks access (not retried)
 * - `not-found`: 404
 * - `bad-request`: 400 and other 4xx, with PagerDuty's own message
 * - `rate-limited`: 429 kept coming after the bounded number of waits
 * - `unavailable`: 5xx, network errors or timeouts after all retries
 * - `invalid-response`: a body that is not the JSON we asked for
 * - `pagination`: a list that never ends within the page bound
 */
export type PagerDutyErrorKind =
  | 'auth'
  | 'not-found'
  | 'bad-request'
  | 'rate-limited'
  | 'unavailable'
  | 'invalid-response'
  | 'pagination';

/**
 * An error from the PagerDuty client. Messages name the account and the
 * request path, never the token or headers.
 */
export class PagerDutyError extends Error {
  readonly kind: PagerDutyErrorKind;
  readonly accountId: string;
  /** HTTP status of the last response, when there was one. */
  readonly status?: number;
  /** True for failures worth another attempt (5xx, network, timeout, bad body). */
  readonly retryable: boolean;
  /** For `rate-limited`: when PagerDuty said its window reopens, in seconds. */
  readonly retryAfterSeconds?: number;

  constructor(options: {
    kind: PagerDutyErrorKind;
    accountId: string;
    message: string;
    status?: number;
    retryable?: boolean;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'PagerDutyError';
    this.kind = options.kind;
    this.accountId = options.accountId;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Whether an error is a {@link PagerDutyError}, optionally of one kind. */
export function isPagerDutyError(
  error: unknown,
  kind?: PagerDutyErrorKind,
): error is PagerDutyError {
  return (
    error instanceof PagerDutyError &&
    (kind === undefined || error.kind === kind)
  );
}
