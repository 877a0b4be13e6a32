import {
  formatValidationErrors,
  PagerDutyResponseValidator,
  PagerDutyValidationError,
  PagerDutyValidationOptions,
} from './PagerDutyResponseValidator';

let shared: PagerDutyResponseValidator | undefined;

/** The validator with the default patches, loaded once per process. */
export function sharedPagerDutyValidator(): PagerDutyResponseValidator {
  return (shared ??= PagerDutyResponseValidator.load());
}

/**
 * Validates a PagerDuty response body, e.g.
 * `validatePagerDutyResponse('GET', '/oncalls', body, { include: ['users'] })`.
 * Returns the errors; an empty array means the body is valid.
 */
export function validatePagerDutyResponse(
  method: string,
  pathTemplate: string,
  body: unknown,
  options?: PagerDutyValidationOptions,
): PagerDutyValidationError[] {
  return sharedPagerDutyValidator().validate(
    method,
    pathTemplate,
    body,
    options,
  );
}

/** Like {@link validatePagerDutyResponse} but throws a readable error when invalid (for fixtures). */
export function assertValidPagerDutyResponse(
  method: string,
  pathTemplate: string,
  body: unknown,
  options?: PagerDutyValidationOptions,
): void {
  const errors = validatePagerDutyResponse(method, pathTemplate, body, options);
  if (errors.length) {
    throw new Error(
      `${method.toUpperCase()} ${pathTemplate} body does not match PagerDuty's schema:\n${formatValidationErrors(
        errors,
      )}`,
    );
  }
}
