import { ensureSliHistoryCache } from './ensureSliHistoryCache';
import { SliHistory } from './generateSliHistory';
import { requirePrometheusBinaries } from './prometheusBinaries';
import { SLI_SCENARIO, SliScenario } from './sliScenario';
import { startPrometheusServer } from './startPrometheusServer';

/**
 * Jest timeout for the hook that starts the harness. The first start of a run
 * generates and backfills the history (~10 s on two cores, more on a busy
 * machine, and a second test file waits for the first one's build); later
 * starts take ~1-2 s. Use `beforeAll(..., PROMETHEUS_HARNESS_TIMEOUT_MS)`.
 */
export const PROMETHEUS_HARNESS_TIMEOUT_MS = 180_000;

/** A real Prometheus server loaded with a generated SLI history. */
export interface PrometheusHarness {
  /** base URL, e.g. `http://127.0.0.1:41234` */
  url: string;
  /**
   * The instant to evaluate every query at (the end of the history). Always
   * pass it explicitly (`time=` or range `end=`): at the real "now" the
   * server has no samples.
   */
  evaluationTime: Date;
  /** {@link PrometheusHarness.evaluationTime} in Unix seconds */
  evaluationTimeSeconds: number;
  /** the generated samples, for expected values (see `expectedSliValues`) */
  history: SliHistory;
  /** `prometheus` version, e.g. `2.42.0+ds` */
  prometheusVersion: string;
  /** where the start-up time went, for benchmarks and reports */
  timings: {
    /** whether the samples and blocks came from the cache */
    cacheHit: boolean;
    generateMs: number;
    backfillMs: number;
    loadMs: number;
    serverStartMs: number;
  };
  /** stops the server and deletes its private data directory */
  stop(): Promise<void>;
}

/**
 * Starts a real Prometheus (the installed `prometheus` binary) on a free
 * loopback port, serving the SLI history of `scenario` (default
 * {@link SLI_SCENARIO}). The samples are generated and backfilled with
 * `promtool` into TSDB blocks once, then cached with the samples under
 * `test/output/prometheus-cache` (keyed by scenario and generator code); each
 * server gets a private copy of the blocks. Throws with
 * install instructions when Prometheus is not installed. Call `stop()` in
 * `afterAll`.
 */
export async function startPrometheusWithSliHistory(
  options: {
    scenario?: SliScenario;
    /** Rule files the server loads (see `StartPrometheusServerOptions.ruleFiles`). */
    ruleFiles?: string[];
  } = {},
): Promise<PrometheusHarness> {
  const binaries = requirePrometheusBinaries();
  const scenario = options.scenario ?? SLI_SCENARIO;
  const cached = await ensureSliHistoryCache(scenario);
  const { history } = cached;

  // Keep every block however old the fixed history is, whichever clock
  // retention is measured against.
  const ageDays = Math.ceil((Date.now() / 1000 - history.startSeconds) / 86400);
  const serverStarted = Date.now();
  const server = await startPrometheusServer({
    binary: binaries.prometheus,
    blocksDir: cached.blocksDir,
    retention: `${Math.max(ageDays, scenario.days) + 365}d`,
    ruleFiles: options.ruleFiles,
  });
  const serverStartMs = Date.now() - serverStarted;

  return {
    url: server.url,
    evaluationTime: new Date(history.endSeconds * 1000),
    evaluationTimeSeconds: history.endSeconds,
    history,
    prometheusVersion: binaries.version,
    timings: {
      cacheHit: cached.cacheHit,
      generateMs: cached.generateMs,
      backfillMs: cached.backfillMs,
      loadMs: cached.loadMs,
      serverStartMs,
    },
    stop: server.stop,
  };
}
