import { InputError } from '@backstage/errors';
import type { Request } from 'express';

/**
 * What the spec refused in a request whose route checks its input itself,
 * after the caller's credentials: the path parameters (one error naming
 * every bad one) and the query or body (one line per field, e.g.
 * `changes[0]: must NOT have additional properties`).
 */
export interface SpecViolation {
  params?: InputError;
  fields: string[];
}

// Per request, until the route raises it.
const pending = new WeakMap<Request, SpecViolation>();

/** Keeps the spec's verdict for the route to raise where it checks input. */
export function deferSpecViolation(
  req: Request,
  violation: SpecViolation,
): void {
  pending.set(req, violation);
}

/**
 * The path parameters of a request the served router validated against the
 * spec. A route that checks input after credentials (see
 * `createRequestValidator`) gets the spec's refusal here, where it
 * used to parse them.
 */
export function validatedParams(req: Request): Record<string, string> {
  const params = pending.get(req)?.params;
  if (params) {
    throw params;
  }
  return req.params;
}

/**
 * Raises what the spec refused in the query or body of a request whose route
 * checks its input itself (after the caller): `${prefix}: field: rule; …`.
 */
export function assertRequestFollowsSpec(req: Request, prefix: string): void {
  const fields = pending.get(req)?.fields ?? [];
  if (fields.length > 0) {
    throw new InputError(`${prefix}: ${fields.join('; ')}`);
  }
}
