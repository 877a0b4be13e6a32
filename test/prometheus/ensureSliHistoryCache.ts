import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import {
  mkdir,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { backfillSliHistory } from './backfillSliHistory';
import { generateSliHistory, SliHistory } from './generateSliHistory';
import { readSliHistoryFile, writeSliHistoryFile } from './sliHistoryFile';
import { SliScenario } from './sliScenario';

/** Bump to invalidate every cache entry (e.g. after a promtool upgrade). */
const BLOCK_FORMAT_VERSION = 'om-18h-v1';
const READY_MARKER = 'READY';
/** How long to wait for another test process that is building the same blocks. */
const LOCK_WAIT_MS = 5 * 60_000;
/** A lock older than this belongs to a process that died mid-build. */
const STALE_LOCK_MS = 10 * 60_000;
const POLL_MS = 250;
/**
 * A finished entry of another history is removed only when no process has
 * read it for this long: the suite's tests use several scenarios at once,
 * and a test copying one entry's blocks must not see them vanish.
 */
const UNUSED_ENTRY_MS = 24 * 60 * 60_000;

/** Where cached blocks live: `test/output/prometheus-cache` (git-ignored) unless overridden. */
export function sliHistoryCacheRoot(): string {
  return (
    process.env.PREFLIGHT_PROMETHEUS_CACHE_DIR ??
    path.resolve(__dirname, '..', 'output', 'prometheus-cache')
  );
}

/**
 * Source files whose code shapes the cached data. Their text is part of the
 * cache key, so editing the generator or the backfill can never leave stale
 * blocks behind (a hand-bumped version number would be forgotten).
 */
const SOURCES_IN_KEY = [
  ...[
    'generateSliHistory.ts',
    'writeOpenMetrics.ts',
    'backfillSliHistory.ts',
    'sliHistoryFile.ts',
  ].map(file => path.join(__dirname, file)),
  // The random stream the generator draws from, shared with the demo.
  path.join(
    path.dirname(require.resolve('@preflight/demo-fixtures/package.json')),
    'src/slo/createSliRandom.ts',
  ),
];

/** The cache key of a scenario: a hash of the scenario, the generating code and the block format. */
export function sliHistoryCacheKey(scenario: SliScenario): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([BLOCK_FORMAT_VERSION, scenario]));
  for (const source of SOURCES_IN_KEY) {
    hash.update('\0');
    hash.update(readFileSync(source));
  }
  return hash.digest('hex').slice(0, 20);
}

/** Result of {@link ensureSliHistoryCache}. */
export interface CachedSliHistory {
  /** the samples the blocks were built from */
  history: SliHistory;
  /** directory holding the TSDB blocks; read-only for callers (copy it) */
  blocksDir: string;
  /** true when the entry was built by an earlier call or another process */
  cacheHit: boolean;
  /** time spent generating the samples (0 on a hit) */
  generateMs: number;
  /** time spent writing OpenMetrics and running promtool (0 on a hit) */
  backfillMs: number;
  /** time spent reading the cached samples (0 on a miss) */
  loadMs: number;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Whether a process with this id is running. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes finished entries of other histories (older generator versions)
 * unused for {@link UNUSED_ENTRY_MS}, and builds abandoned by processes that
 * died.
 */
export async function pruneOtherEntries(
  root: string,
  keep: string,
): Promise<void> {
  for (const entry of await readdir(root)) {
    const full = path.join(root, entry);
    const builder = /\.building-(\d+)$/.exec(entry);
    if (builder && !isRunning(Number(builder[1]))) {
      await rm(full, { recursive: true, force: true });
      continue;
    }
    // Locks and in-progress builds (`<key>.lock`, `<key>.building-<pid>`)
    // belong to running processes.
    if (entry === keep || entry.includes('.')) {
      continue;
    }
    const locked = existsSync(`${full}.lock`);
    const lastUsed = await stat(path.join(full, READY_MARKER)).then(
      marker => marker.mtimeMs,
      () => undefined,
    );
    if (
      !locked &&
      lastUsed !== undefined &&
      Date.now() - lastUsed > UNUSED_ENTRY_MS
    ) {
      await rm(full, { recursive: true, force: true });
    }
  }
}

/** Reads a finished cache entry. */
async function readEntry(entry: string): Promise<CachedSliHistory> {
  const started = Date.now();
  // Marks the entry as in use, so no other build prunes it meanwhile.
  const now = new Date();
  await utimes(path.join(entry, READY_MARKER), now, now).catch(() => undefined);
  const history = await readSliHistoryFile(entry);
  return {
    history,
    blocksDir: path.join(entry, 'blocks'),
    cacheHit: true,
    generateMs: 0,
    backfillMs: 0,
    loadMs: Date.now() - started,
  };
}

/**
 * Returns the scenario's samples and TSDB blocks, building them at most once:
 * the entry is cached under {@link sliHistoryCacheKey}, and concurrent test
 * processes (Jest workers) wait on a lock directory instead of building it
 * twice. A build goes to a temporary directory that is renamed into place
 * when complete, so a crashed build never leaves a half-filled entry behind.
 */
export async function ensureSliHistoryCache(
  scenario: SliScenario,
): Promise<CachedSliHistory> {
  const root = sliHistoryCacheRoot();
  const key = sliHistoryCacheKey(scenario);
  const entry = path.join(root, key);
  const lock = `${entry}.lock`;
  await mkdir(root, { recursive: true });

  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (existsSync(path.join(entry, READY_MARKER))) {
      return readEntry(entry);
    }
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const lockAge = await stat(lock).then(
      s => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (lockAge > STALE_LOCK_MS) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${LOCK_WAIT_MS} ms waiting for another process to build ${entry} (lock ${lock})`,
      );
    }
    await sleep(POLL_MS);
  }

  try {
    if (existsSync(path.join(entry, READY_MARKER))) {
      return readEntry(entry);
    }
    const generateStarted = Date.now();
    const history = generateSliHistory(scenario);
    const generateMs = Date.now() - generateStarted;
    const building = `${entry}.building-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    await mkdir(building, { recursive: true });
    await writeSliHistoryFile(history, building);
    const started = Date.now();
    await backfillSliHistory(
      history,
      path.join(building, 'blocks'),
      path.join(building, 'openmetrics'),
    );
    await rm(path.join(building, 'openmetrics'), {
      recursive: true,
      force: true,
    });
    const backfillMs = Date.now() - started;
    await writeFile(
      path.join(building, READY_MARKER),
      `${JSON.stringify({
        key,
        generateMs,
        backfillMs,
        builtAt: new Date().toISOString(),
      })}\n`,
    );
    await rm(entry, { recursive: true, force: true });
    await rename(building, entry);
    await pruneOtherEntries(root, key);
    return {
      history,
      blocksDir: path.join(entry, 'blocks'),
      cacheHit: false,
      generateMs,
      backfillMs,
      loadMs: 0,
    };
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
