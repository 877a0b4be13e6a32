import express from 'express';
import { InputError } from '@backstage/errors';
import { compileOperationChecks } from './compileOperationChecks';
import { describeSpecViolation } from './describeSpecViolation';
import { deferSpecViolation } from './requestVerdict';
import { listSpecOperations } from './specOperations';
import { spec } from '../generated/router';

/** The largest JSON body a route takes: a handful of changes or answers. */
export const JSON_BODY_LIMIT = '64kb';

/**
 * Parses the JSON body of each operation the spec gives one, at most
 * {@link JSON_BODY_LIMIT}, before the validator reads it. It runs ahead of
 * the validator so that a body too large or not JSON is answered as it
 * always was (413, 400 from the body parser), not as a spec refusal;
 * bodies of other routes are not read at all.
 */
export function parseDocumentedJsonBodies(): express.Router {
  const router = express.Router();
  const json = express.json({ limit: JSON_BODY_LIMIT });
  for (const operation of listSpecOperations()) {
    if (operation.bodyPointer) {
      router[operation.method](operation.route, json);
    }
  }
  return router;
}

/**
 * Validates every documented request against openapi.yaml (path
 * parameters, query, JSON body) before a route runs, and passes on what it
 * accepts. Each operation's checks are compiled from the spec once, here,
 * and mounted on the operation's own path and method, so Express's routing
 * finds the operation and a request costs only its compiled checks (HEAD is
 * checked as the GET Express answers it with). Unknown query parameters
 * are ignored, as they always were; credentials are left to the routes,
 * which answer a missing token 401 and a service token on a user route
 * 403. It also serves the spec itself at `GET /openapi.json`, as
 * Backstage's validated routers do.
 *
 * A refused request is answered 400 naming each bad field (see
 * `describeSpecViolation`), except for `checkInputInRoute` operations: their
 * routes check the caller first (and audit refused writes) or check more
 * than a schema can say, so they raise the spec's verdict themselves where
 * they read their input (`validatedParams` for path parameters,
 * `assertRequestFollowsSpec` for the query or body).
 */
export function createRequestValidator(options: {
  checkInputInRoute: Iterable<string>;
}): express.Router {
  const inRoute = new Set(options.checkInputInRoute);
  const operations = listSpecOperations();
  const checks = compileOperationChecks(operations);
  const router = express.Router();
  for (const operation of operations) {
    const check = checks.get(operation)!;
    const checkedInRoute = inRoute.has(operation.operationId);
    router[operation.method](operation.route, (req, _res, next) => {
      const refusal = check(req);
      if (!refusal) {
        next();
        return;
      }
      const violation = describeSpecViolation(refusal, req.params);
      if (checkedInRoute) {
        deferSpecViolation(req, violation);
        next();
        return;
      }
      next(
        violation.params ??
          new InputError(`Invalid request: ${violation.fields.join('; ')}`),
      );
    });
  }
  router.get('/openapi.json', (req, res) => {
    res.json(specServedAt(req.baseUrl));
  });
  return router;
}

/**
 * The spec as served: its paths prefixed with where the plugin is mounted
 * (`/api/reliability/health`), as Backstage's validated routers serve theirs.
 */
function specServedAt(mount: string): object {
  return {
    ...spec,
    servers: [{ url: '/' }],
    paths: Object.fromEntries(
      Object.entries(spec.paths).map(([path, item]) => [
        `${mount}${path}`,
        item,
      ]),
    ),
  };
}
