/**
 * Why an on-call source refused or failed a call, in terms the backend can
 * answer with:
 *
 * - `not-found`: the source has no such object; the entity's annotation is
 *   most likely wrong
 * - `auth`: the source refused the configured credentials (401/403), a
 *   configuration problem of the backend
 * - `rate-limited`: the source kept answering 429
 * - `unavailable`: 5xx, network errors or timeouts
 * - `bad-response`: the source answered something unusable, or rejected a
 *   request it should have accepted
 * @public
 */
export type OnCallSourceErrorReason =
  | 'not-found'
  | 'auth'
  | 'rate-limited'
  | 'unavailable'
  | 'bad-response';

/**
 * An error a provider throws from `syncService` so the refresh route can
 * answer with the status that matches the cause instead of a blanket 503.
 * Messages name the source account, never credentials.
 * @public
 */
export class OnCallSourceError extends Error {
  readonly reason: OnCallSourceErrorReason;
  /** For `rate-limited`: seconds after which the source accepts calls again. */
  readonly retryAfterSeconds?: number;
  /** What to change, e.g. which annotation or which configuration key. */
  readonly fix?: string;

  constructor(options: {
    reason: OnCallSourceErrorReason;
    message: string;
    retryAfterSeconds?: number;
    fix?: string;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'OnCallSourceError';
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.fix = options.fix;
  }
}

/** Whether an error is an {@link OnCallSourceError}, optionally of one reason. @public */
export function isOnCallSourceError(
  error: unknown,
  reason?: OnCallSourceErrorReason,
): error is OnCallSourceError {
  return (
    error instanceof OnCallSourceError &&
    (reason === undefined || error.reason === reason)
  );
}
