import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { InputError } from '@backstage/errors';
import { createOpenApiRouter, spec } from '../generated/router';
import {
  describeSpecViolation,
  matchedOperation,
} from './describeSpecViolation';
import { deferSpecViolation } from './requestVerdict';

/** The largest JSON body a route takes: a handful of changes or answers. */
export const JSON_BODY_LIMIT = '64kb';

// What the validator says when a path does not decode; Express refuses
// such a path itself, with the answer it always gave.
const MALFORMED_URI = "malformed uri'";

const BODY_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/**
 * Parses the JSON body of each operation the spec gives one, at most
 * {@link JSON_BODY_LIMIT}, before the validator reads it. It runs ahead of
 * the validated router so that a body too large or not JSON is answered as
 * it always was (413, 400 from the body parser), not as a spec refusal;
 * bodies of other routes are not read at all.
 */
export function parseDocumentedJsonBodies(): express.Router {
  const router = express.Router();
  const json = express.json({ limit: JSON_BODY_LIMIT });
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of BODY_METHODS) {
      const operation = (item as Record<string, { requestBody?: unknown }>)[
        method
      ];
      if (operation?.requestBody) {
        router[method](template.replace(/\{(\w+)\}/g, ':$1'), json);
      }
    }
  }
  return router;
}

/**
 * The router generated from openapi.yaml (`createOpenApiRouter`), mounted in
 * front of the REST routes: it validates every documented request against
 * the spec (path parameters, query, body) before a route runs, and passes
 * on what it accepts. Unknown query parameters are ignored, as they always
 * were; credentials are left to the routes, which answer a missing token
 * 401 and a service token on a user route 403, as Backstage's auth does. It
 * also serves the spec itself at `GET /openapi.json`, as Backstage's
 * validated routers do.
 *
 * A refused request is answered 400 with the message the routes always
 * gave for the same input (see `describeSpecViolation`), except for
 * `checkInputInRoute` operations: their routes check the caller first (and
 * audit refused writes) or word their own input errors, so they raise the
 * spec's verdict themselves where they read their input
 * (`validatedParams`, then their own checks, then
 * `assertRequestFollowsSpec`).
 */
export async function createRequestValidator(options: {
  checkInputInRoute: Iterable<string>;
}): Promise<express.RequestHandler> {
  const inRoute = new Set(options.checkInputInRoute);
  const validator = await createOpenApiRouter({
    // Bodies were parsed ahead (parseDocumentedJsonBodies).
    middleware: [(_req, _res, next) => next()],
    validatorOptions: {
      validateSecurity: false,
      validateRequests: {
        allowUnknownQueryParameters: true,
        // Bodies keep their JSON types (the validator itself turns query
        // and path values into their documented types).
        coerceTypes: false,
        // Every bad field is named, as the routes' own checks did.
        allErrors: true,
      },
    },
  });
  validator.use(
    (error: unknown, req: Request, _res: Response, next: NextFunction) => {
      if (error instanceof InputError && error.message === MALFORMED_URI) {
        next();
        return;
      }
      const violation = describeSpecViolation(error, req);
      if (!violation) {
        next(error);
        return;
      }
      const operationId = matchedOperation(req)?.schema.operationId;
      if (operationId && inRoute.has(operationId)) {
        deferSpecViolation(req, violation);
        next();
        return;
      }
      next(
        violation.params ??
          new InputError(`Invalid request: ${violation.fields.join('; ')}`),
      );
    },
  );
  // Express answers a HEAD with the GET route, but the validator knows only
  // the methods the spec documents: a HEAD is validated as its GET.
  return (req, res, next) => {
    if (req.method !== 'HEAD') {
      validator(req, res, next);
      return;
    }
    req.method = 'GET';
    validator(req, res, (error?: unknown) => {
      req.method = 'HEAD';
      next(error);
    });
  };
}
