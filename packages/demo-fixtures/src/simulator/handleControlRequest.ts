import type { IncomingMessage, ServerResponse } from 'node:http';
import { FAILURE_MODES, FailureMode, FailureRule } from './failureInjector';
import { sendResponse } from './sendResponse';
import type { SimulatorState } from './simulatorState';

/** Paths that exist only on the simulator, outside PagerDuty's API and auth. */
export const CONTROL_PATHS = ['/__control', '/__stats'];

/**
 * The body `POST /__control` accepts; every field is optional and applied
 * in this order.
 */
export interface ControlCommand {
  /** failure to inject (`null` or `"none"` heals) */
  failure?: FailureRule | FailureMode | null;
  rateLimitPerMinute?: number;
  rateLimitHeaders?: boolean;
  latencyMs?: number;
  /** ISO instant to freeze the clock at, or null for the real clock */
  now?: string | null;
  resetStats?: boolean;
  resetRateLimits?: boolean;
  /**
   * Points a service at another escalation policy, as someone editing the
   * service in PagerDuty would; demos and end-to-end tests use it to make a
   * readiness check fail for real (the next sync sees the change).
   */
  reassignService?: { serviceId: string; escalationPolicyId: string };
}

/** The simulator's current settings, as `/__control` reports them. */
export function controlState(state: SimulatorState) {
  return {
    failure: state.failures.current(),
    rateLimitPerMinute: state.rateLimiter.limit,
    rateLimitHeaders: state.rateLimitHeaders,
    latencyMs: state.latencyMs,
    now: state.now().toISOString(),
  };
}

function validFailure(
  value: unknown,
): value is FailureRule | FailureMode | null {
  if (
    value === null ||
    (typeof value === 'string' && FAILURE_MODES.includes(value as FailureMode))
  ) {
    return true;
  }
  if (typeof value !== 'object') {
    return false;
  }
  const rule = value as FailureRule;
  return (
    FAILURE_MODES.includes(rule.mode) &&
    (rule.paths === undefined ||
      (Array.isArray(rule.paths) &&
        rule.paths.every(p => typeof p === 'string'))) &&
    (rule.times === undefined ||
      (Number.isInteger(rule.times) && rule.times > 0))
  );
}

/** Applies a control command; returns an error message when it is invalid. */
export function applyControlCommand(
  state: SimulatorState,
  command: ControlCommand,
): string | undefined {
  if (command.failure !== undefined && !validFailure(command.failure)) {
    return `failure must be null, one of ${FAILURE_MODES.join(
      ', ',
    )}, or { mode, paths?, times? }`;
  }
  if (
    command.rateLimitPerMinute !== undefined &&
    !(
      Number.isInteger(command.rateLimitPerMinute) &&
      command.rateLimitPerMinute > 0
    )
  ) {
    return 'rateLimitPerMinute must be a positive integer';
  }
  if (
    command.latencyMs !== undefined &&
    !(typeof command.latencyMs === 'number' && command.latencyMs >= 0)
  ) {
    return 'latencyMs must be a non-negative number';
  }
  const reassignProblem =
    command.reassignService !== undefined
      ? reassignmentProblem(state, command.reassignService)
      : undefined;
  if (reassignProblem) {
    return reassignProblem;
  }
  const now =
    typeof command.now === 'string' ? new Date(command.now) : undefined;
  if (now && Number.isNaN(now.getTime())) {
    return 'now must be an ISO timestamp or null';
  }
  if (command.failure !== undefined) state.failures.set(command.failure);
  if (command.rateLimitPerMinute !== undefined)
    state.rateLimiter.setLimit(command.rateLimitPerMinute);
  if (command.rateLimitHeaders !== undefined)
    state.rateLimitHeaders = Boolean(command.rateLimitHeaders);
  if (command.latencyMs !== undefined) state.latencyMs = command.latencyMs;
  if (command.now !== undefined) state.setClock(now ?? null);
  if (command.resetStats) state.stats.reset();
  if (command.resetRateLimits) state.rateLimiter.reset();
  if (command.reassignService) reassignService(state, command.reassignService);
  return undefined;
}

function reassignmentProblem(
  state: SimulatorState,
  reassignment: unknown,
): string | undefined {
  const { serviceId, escalationPolicyId } = (reassignment ?? {}) as Record<
    string,
    unknown
  >;
  if (typeof serviceId !== 'string' || typeof escalationPolicyId !== 'string') {
    return 'reassignService must be { serviceId, escalationPolicyId }';
  }
  if (!state.index.fleet.services.some(s => s.id === serviceId)) {
    return `reassignService.serviceId: no service ${serviceId}`;
  }
  if (!state.index.policiesById.has(escalationPolicyId)) {
    return `reassignService.escalationPolicyId: no escalation policy ${escalationPolicyId}`;
  }
  return undefined;
}

/** Serves the same fleet with one service on another escalation policy. */
function reassignService(
  state: SimulatorState,
  {
    serviceId,
    escalationPolicyId,
  }: { serviceId: string; escalationPolicyId: string },
): void {
  const fleet = state.index.fleet;
  state.setFleet({
    generatedFor: fleet.generatedFor,
    teams: fleet.teams,
    users: fleet.users,
    schedules: fleet.schedules,
    escalationPolicies: fleet.escalationPolicies,
    services: fleet.services.map(service =>
      service.id === serviceId ? { ...service, escalationPolicyId } : service,
    ),
    incidents: () => fleet.incidents(),
    ...(fleet.changeEvents
      ? { changeEvents: () => fleet.changeEvents!() }
      : {}),
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `GET /__stats` (counters), `GET /__control` (settings) and
 * `POST /__control` (change settings). No PagerDuty auth: these exist only
 * on the simulator, which listens on 127.0.0.1 only.
 */
export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  state: SimulatorState,
): Promise<void> {
  if (pathname === '/__stats' && req.method === 'GET') {
    sendResponse(res, 200, JSON.stringify(state.stats.snapshot()));
    return;
  }
  if (pathname === '/__control' && req.method === 'GET') {
    sendResponse(res, 200, JSON.stringify(controlState(state)));
    return;
  }
  if (pathname === '/__control' && req.method === 'POST') {
    let command: ControlCommand;
    try {
      const text = await readBody(req);
      command = text ? JSON.parse(text) : {};
    } catch {
      sendResponse(res, 400, JSON.stringify({ error: 'body must be JSON' }));
      return;
    }
    const problem =
      typeof command === 'object' && command !== null
        ? applyControlCommand(state, command)
        : 'body must be a JSON object';
    if (problem) {
      sendResponse(res, 400, JSON.stringify({ error: problem }));
      return;
    }
    sendResponse(res, 200, JSON.stringify(controlState(state)));
    return;
  }
  sendResponse(
    res,
    405,
    JSON.stringify({ error: `${req.method} not allowed on ${pathname}` }),
  );
}
