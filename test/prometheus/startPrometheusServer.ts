import { ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from './freeLoopbackPort';

/** A running Prometheus server on loopback. */
export interface PrometheusServer {
  /** base URL without trailing slash, e.g. `http://127.0.0.1:41234` */
  url: string;
  /** stops the server (SIGTERM, then SIGKILL) and deletes its data directory */
  stop(): Promise<void>;
}

/** Options of {@link startPrometheusServer}. */
export interface StartPrometheusServerOptions {
  /** path of the `prometheus` binary */
  binary: string;
  /** TSDB blocks to serve; copied, never modified */
  blocksDir: string;
  /** `--storage.tsdb.retention.time`, e.g. `400d` */
  retention: string;
  /** how long to wait for `/-/ready`; default 60 s */
  readyTimeoutMs?: number;
  /**
   * Prometheus rule files to load (`rule_files`); copied next to the config,
   * so the server reports them under its own paths. Their rules are
   * evaluated at the real "now", where the backfilled history has no
   * samples: use them to test the rules API, not alert states.
   */
  ruleFiles?: string[];
}

// No scrape jobs: the server only serves the backfilled blocks, so its head
// block stays empty and nothing but the history can appear in query results.
const CONFIG = `global:
  scrape_interval: 1m
  evaluation_interval: 1m
`;
const STOP_TIMEOUT_MS = 10_000;
const PORT_ATTEMPTS = 3;
/** Servers started by this process, killed when it exits. */
export const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills servers a test forgot to stop when its process exits. */
export function installExitHook() {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => running.forEach(child => child.kill('SIGKILL')));
  }
}

/** Keeps the last `limit` characters of a stream, for error messages. */
export function tail(stream: NodeJS.ReadableStream | null, limit = 4000) {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/** Resolves when the child exits (immediately if it already has). */
function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise(resolve => child.once('exit', () => resolve()));
}

/**
 * Polls `/-/ready` until the child's own server answers 200 (`isOwnServer`:
 * another test's server may hold the port this one was given), the process
 * exits, or the deadline passes.
 */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  isOwnServer: (url: string) => Promise<boolean>,
): Promise<'ready' | 'exited'> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      return 'exited';
    }
    try {
      const response = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(2000),
      });
      await response.arrayBuffer();
      if (response.ok && (await isOwnServer(url))) {
        return 'ready';
      }
      // Another test's server on the port this one was given: this child
      // fails to bind it and exits, and the caller tries another port.
      lastError = response.ok
        ? 'another server answers'
        : `HTTP ${response.status}`;
    } catch (error) {
      lastError = String(error);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(
    `Prometheus at ${url} was not ready within ${timeoutMs} ms (${lastError})`,
  );
}

/** The command-line flags of the Prometheus answering at `url`. */
async function flagsOf(url: string): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/status/flags`, {
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { data?: Record<string, string> };
  return body.data ?? {};
}

/** Stops a child: SIGTERM, then SIGKILL after a grace period. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited(child);
    clearTimeout(timer);
  }
  running.delete(child);
}

/**
 * Starts `prometheus` on a free 127.0.0.1 port over a private copy of the
 * given blocks (a server locks and may compact its data directory, so test
 * files never share one), and waits until `/-/ready` answers.
 */
export async function startPrometheusServer(
  options: StartPrometheusServerOptions,
): Promise<PrometheusServer> {
  installExitHook();
  const root = await mkdtemp(path.join(os.tmpdir(), 'preflight-prometheus-'));
  const dataDir = path.join(root, 'data');
  const configFile = path.join(root, 'prometheus.yml');
  const cleanup = () => rm(root, { recursive: true, force: true });
  try {
    await cp(options.blocksDir, dataDir, { recursive: true });
    const ruleFiles: string[] = [];
    for (const [index, file] of (options.ruleFiles ?? []).entries()) {
      const copy = path.join(root, `rules-${index}-${path.basename(file)}`);
      await cp(file, copy);
      ruleFiles.push(copy);
    }
    await writeFile(
      configFile,
      ruleFiles.length === 0
        ? CONFIG
        : `${CONFIG}rule_files:\n${ruleFiles
            .map(file => `  - ${JSON.stringify(file)}\n`)
            .join('')}`,
    );
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(
        options.binary,
        [
          `--config.file=${configFile}`,
          `--web.listen-address=127.0.0.1:${port}`,
          `--storage.tsdb.path=${dataDir}`,
          `--storage.tsdb.retention.time=${options.retention}`,
          '--log.level=warn',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      running.add(child);
      const stderr = tail(child.stderr);
      const spawnError = new Promise<never>((_, reject) =>
        child.once('error', reject),
      );
      // Only the race below cares; a late error must not become unhandled.
      spawnError.catch(() => undefined);
      let state: 'ready' | 'exited';
      try {
        state = await Promise.race([
          waitUntilReady(
            url,
            child,
            options.readyTimeoutMs ?? 60_000,
            async own => (await flagsOf(own))['storage.tsdb.path'] === dataDir,
          ),
          spawnError,
        ]);
      } catch (error) {
        await stopChild(child);
        throw new Error(`${(error as Error).message}\n${stderr()}`);
      }
      if (state === 'ready') {
        return {
          url,
          stop: async () => {
            await stopChild(child);
            await cleanup();
          },
        };
      }
      running.delete(child);
      const log = stderr();
      if (!/address already in use/.test(log) || attempt >= PORT_ATTEMPTS) {
        throw new Error(
          `prometheus exited before it was ready (code ${child.exitCode}):\n${log}`,
        );
      }
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}
