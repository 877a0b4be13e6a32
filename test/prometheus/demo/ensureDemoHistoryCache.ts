import { existsSync } from 'node:fs';
import {
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import {
  backfillSliHistory,
  BACKFILL_BLOCK_SECONDS,
} from '../backfillSliHistory';
import {
  DEMO_BOUNDARY_STEP_SECONDS,
  type DemoScenario,
} from '@preflight/demo-fixtures';
import {
  DemoCounterState,
  demoInitialState,
  generateDemoSegment,
} from './demoSeries';

// The scenario's boundary must fall on promtool's block edges, or the cached
// blocks and the blocks written at every start would overlap.
if (DEMO_BOUNDARY_STEP_SECONDS !== BACKFILL_BLOCK_SECONDS) {
  throw new Error(
    `The demo scenario's boundary step (${DEMO_BOUNDARY_STEP_SECONDS}s) differs from promtool's backfill block length (${BACKFILL_BLOCK_SECONDS}s)`,
  );
}

/** Bump when the generator or the scenario changes, so stale entries are rebuilt. */
export const DEMO_HISTORY_VERSION = 'demo-v1';
/** Days of history: a 30-day window plus margin. */
export const DEMO_HISTORY_DAYS = 32;
/** Samples are 1 minute apart in the last days, 5 minutes before. */
const FINE_STEP_SECONDS = 60;
const COARSE_STEP_SECONDS = 300;
/** The fine part starts this long (four block lengths, 3 days) before the boundary. */
const FINE_SECONDS = 4 * BACKFILL_BLOCK_SECONDS;
const READY_FILE = 'state.json';

/** The cached part of the demo history. */
export interface DemoHistoryCache {
  /** TSDB blocks covering the history before `boundarySeconds`; read-only */
  blocksDir: string;
  /** counter values at the last cached sample, `boundarySeconds - 60` */
  state: DemoCounterState;
  cacheHit: boolean;
}

/** Where demo cache entries live (git-ignored), unless overridden. */
export function demoCacheRoot(): string {
  return (
    process.env.PREFLIGHT_PROMETHEUS_DEMO_CACHE_DIR ??
    path.resolve(__dirname, '..', '..', 'output', 'prometheus-demo-cache')
  );
}

/**
 * Returns TSDB blocks of the demo history from 32 days before the boundary up
 * to it (5-minute samples, then 1-minute samples in the last 3 days), built
 * once per version and boundary (so at most once every 18 hours) under
 * {@link demoCacheRoot}. Older entries are deleted. Builds go to a temporary
 * directory renamed into place, so a crash never leaves a half-built entry.
 */
export async function ensureDemoHistoryCache(
  scenario: DemoScenario,
  boundarySeconds: number,
): Promise<DemoHistoryCache> {
  const root = demoCacheRoot();
  const name = `${DEMO_HISTORY_VERSION}-${new Date(boundarySeconds * 1000)
    .toISOString()
    .replace(/[:.]/g, '')}`;
  const entry = path.join(root, name);
  const blocksDir = path.join(entry, 'blocks');
  if (existsSync(path.join(entry, READY_FILE))) {
    const state = JSON.parse(
      await readFile(path.join(entry, READY_FILE), 'utf8'),
    ) as DemoCounterState;
    return { blocksDir, state, cacheHit: true };
  }
  await mkdir(root, { recursive: true });
  const building = `${entry}.building-${process.pid}`;
  await rm(building, { recursive: true, force: true });

  const start = boundarySeconds - DEMO_HISTORY_DAYS * 86400;
  const fineFrom = boundarySeconds - FINE_SECONDS;
  const coarse = generateDemoSegment(
    scenario,
    demoInitialState(scenario),
    start,
    fineFrom - COARSE_STEP_SECONDS,
    COARSE_STEP_SECONDS,
  );
  const fine = generateDemoSegment(
    scenario,
    coarse.state,
    fineFrom,
    boundarySeconds - FINE_STEP_SECONDS,
    FINE_STEP_SECONDS,
  );
  for (const [label, segment] of [
    ['coarse', coarse],
    ['fine', fine],
  ] as const) {
    await backfillSliHistory(
      segment.history,
      path.join(building, 'blocks'),
      path.join(building, `openmetrics-${label}`),
    );
    await rm(path.join(building, `openmetrics-${label}`), {
      recursive: true,
      force: true,
    });
  }
  await writeFile(path.join(building, READY_FILE), JSON.stringify(fine.state));
  await rm(entry, { recursive: true, force: true });
  await rename(building, entry);
  // Entries of earlier boundaries or versions are never read again.
  for (const other of await readdir(root)) {
    if (other !== name && !other.includes('.building-')) {
      await rm(path.join(root, other), { recursive: true, force: true });
    }
  }
  return { blocksDir, state: fine.state, cacheHit: false };
}
