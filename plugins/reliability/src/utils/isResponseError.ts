import type { ResponseError } from '@backstage/errors';

/**
 * True for a `ResponseError` from `@backstage/errors`. Checks the name
 * rather than `instanceof`, because an app can hold several copies of the
 * errors package.
 */
export function isResponseError(error: unknown): error is ResponseError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as Error).name === 'ResponseError' &&
    typeof (error as ResponseError).statusCode === 'number'
  );
}
