/*
 * Benchmark (not a test) of what checking requests against openapi.yaml
 * costs a request:
 *
 *   npm run bench:request-checks
 *
 * Express routes in-process requests (no sockets, no database) to three
 * routers with the same trivial routes: one behind the backend's request
 * checks (`createRequestValidator`, every operation of the spec), one
 * behind the validated router generated from the spec
 * (`createOpenApiRouter`, express-openapi-validator, configured as a
 * version of the backend once served it), and one without checks. The
 * difference of mean times per request to the router without checks is
 * what checking costs; that router is the reference measured in the same
 * run, alternately.
 */
import os from 'node:os';
import express, { type Request, type Response } from 'express';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  createOpenApiRouter,
  createRequestValidator,
} from '@preflight/plugin-reliability-backend/src/workspaceInternals';

const ROUNDS = 5;
const REQUESTS_PER_ROUND = 20_000;

const requests = {
  'team view, first page with filters':
    '/groups/default/team-payments/scorecards?limit=100&offset=0&sort=score&direction=asc&failing=true',
  'entity summary': '/entities/component/default/checkout/summary',
};

type Checks = 'spec checks' | 'openapi-validator' | 'none';

async function routerWith(checks: Checks): Promise<express.Router> {
  const router = express.Router();
  if (checks === 'spec checks') {
    router.use(
      createRequestValidator({ checkInputInRoute: ['getGroupScorecards'] }),
    );
  } else if (checks === 'openapi-validator') {
    router.use(
      await createOpenApiRouter({
        middleware: [(_req, _res, next) => next()],
        validatorOptions: {
          validateSecurity: false,
          validateRequests: {
            allowUnknownQueryParameters: true,
            coerceTypes: false,
            allErrors: true,
          },
        },
      }),
    );
  }
  const answer = (_req: Request, res: Response) => res.end();
  router.get('/groups/:namespace/:name/scorecards', answer);
  router.get('/entities/:kind/:namespace/:name/summary', answer);
  return router;
}

const app = express();

// Express's own entry for a request (`app.handle`), not in its typings.
type HandleRequest = (
  req: object,
  res: object,
  done: (error?: unknown) => void,
) => void;
const handle = (app as unknown as { handle: HandleRequest }).handle.bind(app);

/** Routes one request through the app; resolves when it was answered. */
function route(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = { method: 'GET', url, headers: {}, socket: {} };
    const res = { end: resolve, setHeader() {}, getHeader() {}, locals: {} };
    handle(req, res, error =>
      error ? reject(error) : reject(new Error(`${url} not routed`)),
    );
  });
}

async function microsPerRequest(url: string, count: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await route(url);
  }
  return Number(process.hrtime.bigint() - start) / count / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const MOUNTS: Record<Checks, string> = {
  'spec checks': '/spec-checks',
  'openapi-validator': '/openapi-validator',
  none: '/unchecked',
};

async function main() {
  for (const [checks, mount] of Object.entries(MOUNTS)) {
    app.use(mount, await routerWith(checks as Checks));
  }
  const loadBefore = os.loadavg().map(l => l.toFixed(2));
  console.log(
    '| request | no checks (reference) | spec checks (the backend) | createOpenApiRouter |',
  );
  console.log('|---|---|---|---|');
  for (const [what, path] of Object.entries(requests)) {
    const times = new Map<string, number[]>();
    // Warm up each (JIT, compiled regular expressions) before timing.
    for (const mount of Object.values(MOUNTS)) {
      await microsPerRequest(`${mount}${path}`, 2000);
      times.set(mount, []);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const mount of Object.values(MOUNTS)) {
        times
          .get(mount)!
          .push(await microsPerRequest(`${mount}${path}`, REQUESTS_PER_ROUND));
      }
    }
    const reference = median(times.get(MOUNTS.none)!);
    const cost = (checks: Checks) => {
      const micros = median(times.get(MOUNTS[checks])!);
      return `${micros.toFixed(1)} µs (+${(micros - reference).toFixed(
        1,
      )} µs, ${(micros / reference).toFixed(2)}×)`;
    };
    console.log(
      `| ${what} | ${reference.toFixed(1)} µs | ${cost('spec checks')} | ${cost(
        'openapi-validator',
      )} |`,
    );
  }
  console.log(
    `\nMedian of ${ROUNDS} alternating rounds of ${REQUESTS_PER_ROUND.toLocaleString(
      'en-US',
    )} requests; ${os.cpus().length} cores; load average ${loadBefore.join(
      ', ',
    )} before and ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(', ')} after.`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
