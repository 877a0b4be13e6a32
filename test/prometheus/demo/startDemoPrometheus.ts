import { ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { demoCacheBoundary, demoScenario } from '@preflight/demo-fixtures';
import { backfillSliHistory } from '../backfillSliHistory';
import { requirePrometheusBinaries } from '../prometheusBinaries';
import { generateDemoSegment } from './demoSeries';
import {
  DEMO_HISTORY_DAYS,
  ensureDemoHistoryCache,
} from './ensureDemoHistoryCache';
import { startDemoExporter } from './startDemoExporter';

/** Options of {@link startDemoPrometheus}. */
export interface StartDemoPrometheusOptions {
  /** port on 127.0.0.1 */
  port: number;
  /** "now"; defaults to the wall clock (tests and reproductions may fix it) */
  now?: Date;
  /** how long to wait for `/-/ready`; default 60 s */
  readyTimeoutMs?: number;
}

/** The running demo Prometheus. */
export interface DemoPrometheus {
  url: string;
  /** the last backfilled sample (start time rounded down to the minute) */
  historyEnd: Date;
  timings: {
    cacheHit: boolean;
    cacheMs: number;
    recentMs: number;
    startMs: number;
  };
  /** stops Prometheus and the exporter and deletes the data directory */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 10_000;

/**
 * The demo fleet's alerting rules (a few with `runbook_url`, a few without),
 * read by Preflight's SLO sync for the "alert rules have runbooks" check.
 */
export const DEMO_ALERT_RULES_FILE = path.join(__dirname, 'alert-rules.yml');

/** Polls `/-/ready` until it answers 200 or the process exits. */
async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`prometheus exited before it was ready:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${url}/-/ready`, {
        signal: AbortSignal.timeout(2000),
      });
      await response.arrayBuffer();
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`prometheus at ${url} was not ready within ${timeoutMs} ms`);
}

/**
 * Starts the demo's Prometheus on 127.0.0.1:`port`: 32 days of SLI history
 * for the demo services ending at "now" (rounded down to the minute), then
 * live samples scraped every 15 s from a loopback exporter that continues the
 * same counters.
 *
 * The history up to the last 18-hour block boundary at least 3 hours ago is
 * cached (see `ensureDemoHistoryCache`); the rest, up to now, is generated and
 * backfilled at every start. promtool accepts samples up to now: the
 * "no backfill of the last 3 hours" rule is about a running server's head
 * block, and this server starts on a fresh data directory whose head begins
 * after the newest block, where the first scrape lands.
 */
export async function startDemoPrometheus(
  options: StartDemoPrometheusOptions,
): Promise<DemoPrometheus> {
  const { prometheus } = requirePrometheusBinaries();
  const endSeconds =
    Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60;
  const boundary = demoCacheBoundary(endSeconds);
  const scenario = demoScenario(boundary, endSeconds);

  const cacheStarted = Date.now();
  const cache = await ensureDemoHistoryCache(scenario, boundary);
  const cacheMs = Date.now() - cacheStarted;

  const root = await mkdtemp(
    path.join(os.tmpdir(), 'preflight-demo-prometheus-'),
  );
  const cleanup = () => rm(root, { recursive: true, force: true });
  let stopExporter: (() => Promise<void>) | undefined;
  try {
    const recentStarted = Date.now();
    const recent = generateDemoSegment(
      scenario,
      cache.state,
      boundary,
      endSeconds,
      60,
    );
    const dataDir = path.join(root, 'data');
    await cp(cache.blocksDir, dataDir, { recursive: true });
    await backfillSliHistory(
      recent.history,
      dataDir,
      path.join(root, 'openmetrics'),
    );
    await rm(path.join(root, 'openmetrics'), { recursive: true, force: true });
    const recentMs = Date.now() - recentStarted;

    const exporter = await startDemoExporter(
      scenario,
      recent.state,
      endSeconds,
    );
    stopExporter = exporter.stop;
    const configFile = path.join(root, 'prometheus.yml');
    const rulesFile = path.join(root, 'alert-rules.yml');
    await cp(DEMO_ALERT_RULES_FILE, rulesFile);
    // job/instance are dropped so the scraped samples continue the
    // backfilled series (which have neither) instead of starting new ones.
    await writeFile(
      configFile,
      `global:
  scrape_interval: 15s
  evaluation_interval: 15s
rule_files:
  - ${JSON.stringify(rulesFile)}
scrape_configs:
  - job_name: preflight-demo-sli
    static_configs:
      - targets: ['${exporter.target}']
    metric_relabel_configs:
      - action: labeldrop
        regex: job|instance
`,
    );
    const startStarted = Date.now();
    const url = `http://127.0.0.1:${options.port}`;
    const child = spawn(
      prometheus,
      [
        `--config.file=${configFile}`,
        `--web.listen-address=127.0.0.1:${options.port}`,
        `--storage.tsdb.path=${dataDir}`,
        // Longer than the data, or the oldest blocks would be deleted.
        `--storage.tsdb.retention.time=${DEMO_HISTORY_DAYS + 365}d`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      log = (log + chunk).slice(-4000);
    });
    const killOnExit = () => child.kill('SIGKILL');
    process.on('exit', killOnExit);
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(r => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
      await exporter.stop();
      await cleanup();
    };
    try {
      await waitUntilReady(
        url,
        child,
        options.readyTimeoutMs ?? 60_000,
        () => log,
      );
    } catch (error) {
      await stop();
      throw error;
    }
    return {
      url,
      historyEnd: new Date(endSeconds * 1000),
      timings: {
        cacheHit: cache.cacheHit,
        cacheMs,
        recentMs,
        startMs: Date.now() - startStarted,
      },
      stop,
    };
  } catch (error) {
    await stopExporter?.();
    await cleanup();
    throw error;
  }
}
