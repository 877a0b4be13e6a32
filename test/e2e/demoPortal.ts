import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Browser, chromium, type Page } from 'playwright-core';
import { startPagerDutySimulator } from '@preflight/demo-fixtures/simulator';
import { startDemoPrometheus } from '../prometheus/demo/startDemoPrometheus';

/** Repository root, from this file's location. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Where end-to-end screenshots and logs go; CI keeps the folder. */
export const outputDir = path.join(repoRoot, 'test', 'output');

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The token the PagerDuty simulator accepts. */
export const SIMULATOR_TOKEN = 'sim-token-preflight';

/** Who PagerDuty (here the simulator at `simulatorUrl`) says holds level 1 of a policy right now. */
export async function levelOneOnCallAt(
  simulatorUrl: string,
  policyId: string,
): Promise<string[]> {
  const now = new Date();
  const params = new URLSearchParams({
    'escalation_policy_ids[]': policyId,
    since: now.toISOString(),
    until: new Date(now.getTime() + 60_000).toISOString(),
    limit: '100',
  });
  const res = await fetch(`${simulatorUrl}/oncalls?${params}`, {
    headers: {
      Authorization: `Token token=${SIMULATOR_TOKEN}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    },
  });
  const body = (await res.json()) as {
    oncalls: Array<{ escalation_level: number; user: { summary: string } }>;
  };
  return body.oncalls
    .filter(o => o.escalation_level === 1)
    .map(o => o.user.summary);
}

/** A demo backend started for a test; `stop` kills its whole process group. */
export interface RunningBackend {
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts the demo backend (packages/backend) the way `npm start` does, with
 * an extra config file that points it at the given PagerDuty base URL, a
 * fresh SQLite directory and a fast sync schedule.
 */
export async function startDemoBackend(options: {
  pagerDutyBaseUrl: string;
  prometheusBaseUrl: string;
  syncEverySeconds: number;
}): Promise<RunningBackend> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-e2e-'));
  const configFile = path.join(workDir, 'app-config.e2e.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: { port, host: '127.0.0.1' },
        database: {
          client: 'better-sqlite3',
          connection: { directory: path.join(workDir, 'db') },
        },
      },
      reliability: {
        sync: {
          frequency: { seconds: options.syncEverySeconds },
          initialDelay: { seconds: 1 },
          staleAfter: { minutes: 30 },
        },
        slos: {
          sync: {
            frequency: { seconds: options.syncEverySeconds },
            initialDelay: { seconds: 1 },
          },
        },
        prometheus: {
          instances: [{ name: 'demo', baseUrl: options.prometheusBaseUrl }],
        },
        pagerduty: {
          accounts: [
            {
              id: 'default',
              displayName: 'PagerDuty (demo simulator)',
              baseUrl: options.pagerDutyBaseUrl,
              token: SIMULATOR_TOKEN,
              requestTimeoutMs: 2000,
            },
          ],
        },
      },
    }),
  );

  fs.mkdirSync(outputDir, { recursive: true });
  const logFile = path.join(outputDir, 'e2e-backend.log');
  const log = fs.openSync(logFile, 'w');
  // Run the backend from source like `backstage-cli package start`, but
  // without its file watcher: a restart mid-test would lose the scenario.
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      path.join(repoRoot, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(repoRoot, 'packages', 'backend'),
      detached: true,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        ESBK_TSCONFIG_PATH: path.join(repoRoot, 'tsconfig.json'),
      },
    },
  );

  const stop = async () => {
    await stopProcessGroup(child, 500);
    fs.closeSync(log);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  await waitUntilReady({
    what: 'the backend',
    child,
    baseUrl,
    logFile,
    stop,
    timeoutMs: 180_000,
  });
  return { baseUrl, logFile, stop };
}

/**
 * Ends a backend started detached (its own process group, so the children
 * it spawned go too), then gives it `graceMs` to let go of its files.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs: number) {
  if (child.exitCode === null && child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await new Promise(resolve => setTimeout(resolve, graceMs));
  }
}

/**
 * Polls a Backstage backend's readiness endpoint until it answers; stops
 * it and fails, naming its log, when it exits or the time runs out.
 */
export async function waitUntilReady(options: {
  what: string;
  child: ChildProcess;
  baseUrl: string;
  logFile: string;
  stop: () => Promise<void>;
  timeoutMs: number;
}): Promise<void> {
  const { what, child, baseUrl, logFile, stop } = options;
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`${what} exited early; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`, {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  await stop();
  throw new Error(`${what} did not become ready in time; see ${logFile}`);
}

/** Passes the guest sign-in page, where the app shows one. */
export async function signInAsGuest(page: Page) {
  const enter = page.getByRole('button', { name: /enter/i });
  if (await enter.isVisible().catch(() => false)) {
    await enter.click();
  }
}

/**
 * Reloads `url` until `check` passes (the catalog and the first sync take a
 * moment); on time out keeps what the user would have seen in
 * `screenshotPath`, for whoever reads the failure.
 */
export async function reloadUntil(
  page: Page,
  url: string,
  check: () => Promise<void>,
  options: { timeoutMs: number; screenshotPath: string },
) {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    await page.goto(url);
    await signInAsGuest(page);
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
    }
  }
  await page.screenshot({ path: options.screenshotPath, fullPage: true });
  throw lastError;
}

/** The machine's headless Chromium (CHROMIUM_PATH, else Debian's). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Everything an end-to-end test drives: simulator, Prometheus, backend, browser. */
export interface DemoStack {
  simulator: Awaited<ReturnType<typeof startPagerDutySimulator>>;
  prometheus: Awaited<ReturnType<typeof startDemoPrometheus>>;
  backend: RunningBackend;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the demo portal as the end-to-end tests use it: the PagerDuty
 * simulator and the demo Prometheus in this process, the backend syncing
 * every five seconds, and a headless Chromium.
 */
export async function startDemoStack(): Promise<DemoStack> {
  fs.mkdirSync(outputDir, { recursive: true });
  const simulator = await startPagerDutySimulator();
  const prometheus = await startDemoPrometheus({ port: await freePort() });
  const backend = await startDemoBackend({
    pagerDutyBaseUrl: simulator.url,
    prometheusBaseUrl: prometheus.url,
    syncEverySeconds: 5,
  });
  const browser = await launchChromium();
  return {
    simulator,
    prometheus,
    backend,
    browser,
    async stop() {
      await browser.close();
      await backend.stop();
      await simulator.close().catch(() => undefined);
      await prometheus.stop().catch(() => undefined);
    },
  };
}
