import http from 'node:http';
import { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does with the next requests:
 *
 * - `pass`: forward to the upstream Prometheus unchanged.
 * - `error`: answer with a Prometheus error envelope, e.g. 422 `execution`.
 * - `respond`: answer with any status and JSON body (a fake Prometheus).
 * - `warnings`: forward, then add `warnings` to the upstream's envelope.
 * - `delay`: forward after `ms` milliseconds (slow but answering).
 * - `hang`: accept the request and never answer (deadline tests).
 * - `reset`: destroy the connection without an answer.
 * - `down`: stop listening, so connections are refused.
 */
export type PrometheusFault =
  | { kind: 'pass' }
  | { kind: 'error'; httpStatus: number; errorType: string; error: string }
  | { kind: 'respond'; httpStatus: number; body: unknown }
  | { kind: 'warnings'; warnings: string[] }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'down' };

/** Ready-made faults with the status codes and envelopes Prometheus uses. */
export const prometheusFaults = {
  /** 422 `execution`, e.g. a query that hits `query.max-samples` */
  executionError: (
    error = 'query processing would load too many samples into memory in query execution',
  ): PrometheusFault => ({
    kind: 'error',
    httpStatus: 422,
    errorType: 'execution',
    error,
  }),
  /** 400 `bad_data`, e.g. PromQL that does not parse */
  badData: (
    error = 'invalid parameter "query": 1:1: parse error',
  ): PrometheusFault => ({
    kind: 'error',
    httpStatus: 400,
    errorType: 'bad_data',
    error,
  }),
  /** 503 `timeout`: the server's own query deadline */
  timeout: (
    error = 'query timed out in expression evaluation',
  ): PrometheusFault => ({
    kind: 'error',
    httpStatus: 503,
    errorType: 'timeout',
    error,
  }),
  /** real results plus warnings, as Thanos/Mimir send on partial data */
  warnings: (
    warnings = ['partial response: store gateway unavailable'],
  ): PrometheusFault => ({ kind: 'warnings', warnings }),
};

/** A request the proxy received, for asserting what a client sent. */
export interface RecordedPrometheusRequest {
  method: string;
  /** path without query string, e.g. `/api/v1/query` */
  path: string;
  /** query-string and form-body parameters, merged (repeated names keep all values) */
  params: Record<string, string[]>;
  /** lower-case header names */
  headers: Record<string, string | string[] | undefined>;
}

/** A loopback HTTP proxy in front of Prometheus that injects faults. */
export interface FaultProxy {
  /** base URL of the proxy; give it to the client under test */
  url: string;
  /** every request received, in order (also while faults are active) */
  requests: RecordedPrometheusRequest[];
  /** switches behaviour for the following requests; resolves once in effect */
  setFault(fault: PrometheusFault): Promise<void>;
  /** stops listening and drops open connections, including hanging ones */
  close(): Promise<void>;
}

/** Deadline for forwarding one request to the upstream. */
const UPSTREAM_TIMEOUT_MS = 30_000;

/** Reads a request body. */
async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Merges query-string and urlencoded form parameters. */
function collectParams(
  url: URL,
  body: Buffer,
  contentType: string | undefined,
) {
  const params: Record<string, string[]> = {};
  const add = (search: URLSearchParams) =>
    search.forEach((value, key) => (params[key] ??= []).push(value));
  add(url.searchParams);
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    add(new URLSearchParams(body.toString('utf8')));
  }
  return params;
}

/** Headers worth forwarding (hop-by-hop ones and the host are not). */
function forwardHeaders(request: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (
      value === undefined ||
      ['host', 'connection', 'content-length', 'transfer-encoding'].includes(
        name,
      )
    ) {
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Starts a fault-injecting proxy on a free 127.0.0.1 port in front of
 * `upstreamUrl` (a real Prometheus, e.g. the harness's `url`). It starts in
 * `pass` mode and records every request.
 */
export async function startFaultProxy(
  upstreamUrl: string,
): Promise<FaultProxy> {
  let fault: PrometheusFault = { kind: 'pass' };
  const requests: RecordedPrometheusRequest[] = [];
  const sockets = new Set<Socket>();

  const forward = async (
    request: http.IncomingMessage,
    url: URL,
    body: Buffer,
  ) => {
    const upstream = await fetch(`${upstreamUrl}${url.pathname}${url.search}`, {
      method: request.method,
      headers: forwardHeaders(request),
      body: ['GET', 'HEAD'].includes(request.method ?? 'GET')
        ? undefined
        : new Uint8Array(body),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    return {
      status: upstream.status,
      contentType: upstream.headers.get('content-type') ?? 'application/json',
      text: await upstream.text(),
    };
  };

  const handle = async (
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ) => {
    const url = new URL(request.url ?? '/', 'http://proxy');
    const body = await readBody(request);
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      params: collectParams(url, body, request.headers['content-type']),
      headers: { ...request.headers },
    });
    const current = fault;
    const sendJson = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    switch (current.kind) {
      case 'hang':
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'error':
        sendJson(current.httpStatus, {
          status: 'error',
          errorType: current.errorType,
          error: current.error,
        });
        return;
      case 'respond':
        sendJson(current.httpStatus, current.body);
        return;
      case 'delay':
        await new Promise(r => setTimeout(r, current.ms));
        break;
      default:
        break;
    }
    const upstream = await forward(request, url, body);
    if (current.kind === 'warnings') {
      const envelope = JSON.parse(upstream.text);
      envelope.warnings = [...(envelope.warnings ?? []), ...current.warnings];
      sendJson(upstream.status, envelope);
      return;
    }
    response.writeHead(upstream.status, {
      'content-type': upstream.contentType,
    });
    response.end(upstream.text);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch(error => {
      if (!response.headersSent && !response.destroyed) {
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`fault proxy: ${String(error)}`);
      }
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () =>
    new Promise<void>(resolve => {
      if (!server.listening) {
        resolve();
        return;
      }
      server.close(() => resolve());
      // Hanging requests would keep close() waiting forever.
      sockets.forEach(socket => socket.destroy());
    });

  await listen(0);
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async setFault(next) {
      if (next.kind === 'down') {
        fault = next;
        await stopListening();
        return;
      }
      if (fault.kind === 'down') {
        // Same port again, so the client's configured URL works after recovery.
        await listen(port);
      }
      fault = next;
    },
    async close() {
      await stopListening();
    },
  };
}
