/**
 * An error the simulator answers with PagerDuty's error envelope
 * `{"error":{"message","code","errors"?}}`. Codes and messages are the ones
 * the live API uses for these situations.
 */
export class PagerDutyError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: string[],
  ) {
    super(message);
    this.name = 'PagerDutyError';
  }

  /** The JSON body PagerDuty sends for this error. */
  toBody(): { error: { message: string; code: number; errors?: string[] } } {
    return {
      error: {
        message: this.message,
        code: this.code,
        ...(this.errors ? { errors: this.errors } : {}),
      },
    };
  }
}

/** 400 Invalid Input Provided (2001), e.g. a malformed parameter. */
export function invalidInput(...errors: string[]): PagerDutyError {
  return new PagerDutyError(400, 2001, 'Invalid Input Provided', errors);
}

/** 400 Arguments Caused Error (2002): offset + limit beyond the 10,000 cap. */
export function offsetCapExceeded(): PagerDutyError {
  return new PagerDutyError(400, 2002, 'Arguments Caused Error', [
    'Offset+limit exceeds maximum allowed value of 10000. Please try to refine your search to reduce the returned set of records below this number, like adding a date range.',
  ]);
}

/** 401 for a missing or unknown API key. */
export function authenticationFailed(): PagerDutyError {
  return new PagerDutyError(401, 2006, 'Authentication failed');
}

/** 404 for an unknown id or path. */
export function notFound(): PagerDutyError {
  return new PagerDutyError(404, 2100, 'Not Found');
}

/** 429 once a token used up its per-minute budget. */
export function rateLimitExceeded(): PagerDutyError {
  return new PagerDutyError(429, 2020, 'Rate Limit Exceeded');
}

/** 500 used by the `status500` failure mode. */
export function internalError(): PagerDutyError {
  return new PagerDutyError(500, 2000, 'Internal Error');
}
