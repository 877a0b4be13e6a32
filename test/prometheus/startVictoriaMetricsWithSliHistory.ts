import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureSliHistoryCache } from './ensureSliHistoryCache';
import { freeLoopbackPort } from './freeLoopbackPort';
import type { SliHistory } from './generateSliHistory';
import { SLI_SCENARIO, type SliScenario } from './sliScenario';
import {
  installExitHook,
  running,
  stopChild,
  tail,
  waitUntilReady,
} from './startPrometheusServer';
import { requireVictoriaMetricsBinary } from './victoriaMetricsBinary';

/** A real single-node VictoriaMetrics loaded with a generated SLI history. */
export interface VictoriaMetricsHarness {
  /** base URL, e.g. `http://127.0.0.1:41234` (the Prometheus API is at `/api/v1/...`) */
  url: string;
  /** The instant to evaluate every query at: the end of the history. */
  evaluationTime: Date;
  evaluationTimeSeconds: number;
  history: SliHistory;
  /** `victoria-metrics -version` */
  version: string;
  /** `-search.maxSamplesPerQuery` the server runs with */
  maxSamplesPerQuery: number;
  timings: { importMs: number; serverStartMs: number };
  /** stops the server and deletes its data directory */
  stop(): Promise<void>;
}

/** Options of {@link startVictoriaMetricsWithSliHistory}. */
export interface StartVictoriaMetricsOptions {
  scenario?: SliScenario;
  /**
   * `-search.maxSamplesPerQuery`: raw samples one query may read. The
   * default is far above what the harness's SLO queries read (a 30-day
   * window of one service) and far below reading every series of the
   * history at once, so tests can provoke VictoriaMetrics' own limit error.
   */
  maxSamplesPerQuery?: number;
}

const PORT_ATTEMPTS = 3;

/**
 * Whether the VictoriaMetrics answering at `url` is the one storing in
 * `dataPath` (its `/flags` page lists `-storageDataPath="…"`), not another
 * test's server that got the same free port first.
 */
async function answersWithDataPath(url: string, dataPath: string) {
  const response = await fetch(`${url}/flags`, {
    signal: AbortSignal.timeout(2000),
  });
  const flags = await response.text();
  return flags
    .split('\n')
    .includes(`-storageDataPath=${JSON.stringify(dataPath)}`);
}

/** One `/api/v1/import` JSON line per series (timestamps in milliseconds). */
function* importLines(history: SliHistory): Generator<string> {
  const timestamps = Array.from(
    { length: history.sampleCount },
    (_, i) => (history.startSeconds + i * history.stepSeconds) * 1000,
  );
  const times = JSON.stringify(timestamps);
  for (const series of history.series) {
    yield `{"metric":${JSON.stringify({
      __name__: series.name,
      ...series.labels,
    })},"values":${JSON.stringify(
      Array.from(series.values),
    )},"timestamps":${times}}\n`;
  }
}

async function importHistory(url: string, history: SliHistory) {
  const response = await fetch(`${url}/api/v1/import`, {
    method: 'POST',
    body: [...importLines(history)].join(''),
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) {
    throw new Error(
      `VictoriaMetrics import failed: HTTP ${
        response.status
      } ${await response.text()}`,
    );
  }
  await response.arrayBuffer();
  await waitUntilSearchable(url, history);
}

// Imported samples become searchable only after a flush.
async function forceFlush(url: string) {
  const flush = await fetch(`${url}/internal/force_flush`, {
    signal: AbortSignal.timeout(30_000),
  });
  await flush.arrayBuffer();
  if (!flush.ok) {
    throw new Error(`VictoriaMetrics force_flush failed: HTTP ${flush.status}`);
  }
}

const SEARCHABLE_TIMEOUT_MS = 60_000;
const SEARCHABLE_CONCURRENCY = 4;

function selectorOf(series: SliHistory['series'][number]): string {
  const labels = Object.entries(series.labels).map(
    ([name, value]) => `${name}=${JSON.stringify(value)}`,
  );
  return `${series.name}{${labels.join(',')}}`;
}

/** The series whose imported samples the server does not all return yet. */
async function seriesShortOfSamples(
  url: string,
  history: SliHistory,
): Promise<string[]> {
  const range = history.endSeconds - history.startSeconds + history.stepSeconds;
  const short: string[] = [];
  const queue = [...history.series];
  const worker = async () => {
    for (let series = queue.shift(); series; series = queue.shift()) {
      const query = `count_over_time(${selectorOf(series)}[${range}s])`;
      // nocache: a check of incomplete data must not be remembered.
      const response = await fetch(
        `${url}/api/v1/query?nocache=1&time=${
          history.endSeconds
        }&query=${encodeURIComponent(query)}`,
        { signal: AbortSignal.timeout(30_000) },
      );
      const body = (await response.json()) as {
        status: string;
        data?: { result: Array<{ value: [number, string] }> };
      };
      if (body.status !== 'success') {
        throw new Error(
          `VictoriaMetrics refused ${query}: ${JSON.stringify(body)}`,
        );
      }
      const count = Number(body.data?.result[0]?.value[1] ?? 0);
      if (count !== history.sampleCount) {
        short.push(
          `${selectorOf(series)} (${count} of ${history.sampleCount})`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: SEARCHABLE_CONCURRENCY }, worker));
  return short;
}

/**
 * Flushes until every imported sample is searchable. VictoriaMetrics
 * registers flushed data in the background: on a busy machine a query right
 * after `force_flush` could miss the last rows, and its response cache then
 * kept the short answer (CI once saw burn rates a few minutes of samples
 * off). Every series must count every sample, read past the cache, before
 * the harness is handed out.
 */
async function waitUntilSearchable(url: string, history: SliHistory) {
  const deadline = Date.now() + SEARCHABLE_TIMEOUT_MS;
  for (;;) {
    await forceFlush(url);
    const short = await seriesShortOfSamples(url, history);
    if (short.length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `VictoriaMetrics still misses imported samples after ${SEARCHABLE_TIMEOUT_MS} ms, e.g. ${short[0]}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

/**
 * Starts the installed `victoria-metrics` (single node, Debian's 1.79) on a
 * free loopback port with a private temporary data directory and imports
 * the SLI history of `scenario` (default {@link SLI_SCENARIO}) through its
 * JSON import API, the same samples the Prometheus harness backfills. The
 * response cache stays on, as in production, so `query_range` answers are
 * aligned to the step. Throws with install instructions when the binary is
 * missing. Call `stop()` in `afterAll`.
 */
export async function startVictoriaMetricsWithSliHistory(
  options: StartVictoriaMetricsOptions = {},
): Promise<VictoriaMetricsHarness> {
  const binary = requireVictoriaMetricsBinary();
  const scenario = options.scenario ?? SLI_SCENARIO;
  const maxSamplesPerQuery = options.maxSamplesPerQuery ?? 500_000;
  const { history } = await ensureSliHistoryCache(scenario);
  installExitHook();
  const root = await mkdtemp(path.join(os.tmpdir(), 'preflight-vm-'));
  const dataPath = path.join(root, 'data');
  const cleanup = () => rm(root, { recursive: true, force: true });
  const started = Date.now();
  try {
    for (let attempt = 1; ; attempt++) {
      const port = await freeLoopbackPort();
      const url = `http://127.0.0.1:${port}`;
      const child = spawn(
        binary.path,
        [
          `-httpListenAddr=127.0.0.1:${port}`,
          `-storageDataPath=${dataPath}`,
          // The history is fixed in the past; keep it whatever today is.
          '-retentionPeriod=100y',
          `-search.maxSamplesPerQuery=${maxSamplesPerQuery}`,
          '-loggerLevel=ERROR',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      running.add(child);
      const stderr = tail(child.stderr);
      const spawnError = new Promise<never>((_, reject) =>
        child.once('error', reject),
      );
      spawnError.catch(() => undefined);
      let state: 'ready' | 'exited';
      try {
        state = await Promise.race([
          waitUntilReady(url, child, 60_000, own =>
            answersWithDataPath(own, dataPath),
          ),
          spawnError,
        ]);
      } catch (error) {
        await stopChild(child);
        throw new Error(`${(error as Error).message}\n${stderr()}`);
      }
      if (state === 'exited') {
        running.delete(child);
        const log = stderr();
        if (!/address already in use/.test(log) || attempt >= PORT_ATTEMPTS) {
          throw new Error(
            `victoria-metrics exited before it was ready (code ${child.exitCode}):\n${log}`,
          );
        }
        continue;
      }
      const serverStartMs = Date.now() - started;
      const importStarted = Date.now();
      try {
        await importHistory(url, history);
      } catch (error) {
        await stopChild(child);
        throw error;
      }
      return {
        url,
        evaluationTime: new Date(history.endSeconds * 1000),
        evaluationTimeSeconds: history.endSeconds,
        history,
        version: binary.version,
        maxSamplesPerQuery,
        timings: { importMs: Date.now() - importStarted, serverStartMs },
        stop: async () => {
          await stopChild(child);
          await cleanup();
        },
      };
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}
