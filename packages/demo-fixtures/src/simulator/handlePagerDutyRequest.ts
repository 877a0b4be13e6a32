import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  authenticationFailed,
  internalError,
  notFound,
  PagerDutyError,
  rateLimitExceeded,
} from './http/pagerDutyError';
import { QueryParams } from './http/queryParams';
import { matchRoute } from './routes';
import { sendResponse } from './sendResponse';
import type { SimulatorState } from './simulatorState';

const PAGERDUTY_ACCEPT = /application\/vnd\.pagerduty\+json;\s*version=2/i;
const TOKEN_AUTHORIZATION = /^Token token=(.+)$/;

const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><title>PagerDuty - Scheduled maintenance</title></head>' +
  '<body><h1>We will be right back</h1><p>The service is undergoing maintenance.</p></body></html>';

function tokenOf(req: IncomingMessage): string | undefined {
  const match = TOKEN_AUTHORIZATION.exec(req.headers.authorization ?? '');
  return match?.[1].trim();
}

function errorBody(error: PagerDutyError): string {
  return JSON.stringify(error.toBody());
}

/**
 * Serves one request to a PagerDuty path, in the order the live service
 * would fail it: injected failure, authentication (401), the token's rate
 * limit (429), then the operation (404 unknown path or id, 400 bad
 * parameters, 200).
 */
export async function handlePagerDutyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  state: SimulatorState,
  hung: Set<ServerResponse>,
): Promise<void> {
  const { stats } = state;
  stats.begin(url.pathname, PAGERDUTY_ACCEPT.test(req.headers.accept ?? ''));
  let ended = false;
  const finish = (status: number) => {
    if (!ended) {
      ended = true;
      stats.end(status);
    }
  };

  const failure = state.failures.take(url.pathname);
  if (failure !== 'none') {
    stats.failure();
  }
  if (failure === 'down') {
    // No response at all: the client sees a reset connection.
    req.socket.destroy();
    finish(0);
    return;
  }
  if (failure === 'hang') {
    hung.add(res);
    res.on('close', () => {
      hung.delete(res);
      finish(0);
    });
    return;
  }
  if (state.latencyMs > 0) {
    await new Promise(resolve => setTimeout(resolve, state.latencyMs));
  }
  if (failure === 'status500') {
    sendResponse(res, 500, errorBody(internalError()));
    finish(500);
    return;
  }
  if (failure === 'html200') {
    sendResponse(res, 200, MAINTENANCE_PAGE, {}, 'text/html; charset=utf-8');
    finish(200);
    return;
  }

  let status = 200;
  let body: string;
  const headers: Record<string, string | number> = {};
  try {
    const token = tokenOf(req);
    if (!token || !state.tokens.includes(token)) {
      throw authenticationFailed();
    }
    const decision = state.rateLimiter.take(token);
    if (state.rateLimitHeaders) {
      headers['ratelimit-limit'] = decision.limit;
      headers['ratelimit-remaining'] = decision.remaining;
      headers['ratelimit-reset'] = decision.resetSeconds;
    }
    if (!decision.allowed) {
      throw rateLimitExceeded();
    }
    const matched = matchRoute(url.pathname);
    if (!matched || req.method !== matched.route.method) {
      stats.operation('unmatched');
      throw notFound();
    }
    stats.operation(`${matched.route.method} ${matched.route.template}`);
    const query = new QueryParams(url.searchParams);
    const nowMs = state.now().getTime();
    const result = matched.route.handle({
      params: matched.params,
      query,
      nowMs,
      endlessMore: failure === 'endlessMore',
      context: {
        apiBaseUrl: state.selfBaseUrl,
        webBaseUrl: state.webBaseUrl,
        timeZone: query.timeZone(state.accountTimeZone),
        index: state.index,
      },
      memo: (key, compute) =>
        state.memo.get(`${matched.route.template}|${key}`, compute),
    });
    body = JSON.stringify(result);
  } catch (error) {
    // A bug in the simulator must look like a server error, not hang the client.
    const pdError = error instanceof PagerDutyError ? error : internalError();
    if (!(error instanceof PagerDutyError)) {
      process.stderr.write(
        `pagerduty simulator: ${(error as Error)?.stack ?? error}\n`,
      );
    }
    status = pdError.status;
    body = errorBody(pdError);
  }
  if (failure === 'truncatedJson') {
    body = body.slice(0, Math.floor(body.length / 2));
  }
  sendResponse(res, status, body, headers);
  finish(status);
}
