import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SliHistory } from './generateSliHistory';
import { runPromtool } from './runPromtool';
import { writeOpenMetrics } from './writeOpenMetrics';

/**
 * The block length promtool really uses for `--max-block-duration=24h`: it
 * picks the largest TSDB compaction range (2h × 3^n) that fits, 18h, and
 * aligns blocks to multiples of it since the epoch.
 */
export const BACKFILL_BLOCK_SECONDS = 18 * 3600;
const MAX_BLOCK_DURATION_FLAG = '--max-block-duration=24h';

/**
 * Writes the history as OpenMetrics and turns it into TSDB blocks in
 * `blocksDir` with `promtool tsdb create-blocks-from openmetrics`.
 *
 * promtool re-reads its whole input once per block it creates, so one 64 MB
 * file for 32 days takes ~55 s here. Feeding it one file per block window
 * (aligned like its blocks) reads every sample twice instead, ~8 s on two
 * cores with two promtool processes at a time.
 */
export async function backfillSliHistory(
  history: SliHistory,
  blocksDir: string,
  workDir: string,
): Promise<void> {
  await mkdir(blocksDir, { recursive: true });
  await mkdir(workDir, { recursive: true });
  const windows: number[] = [];
  for (
    let from =
      Math.floor(history.startSeconds / BACKFILL_BLOCK_SECONDS) *
      BACKFILL_BLOCK_SECONDS;
    from <= history.endSeconds;
    from += BACKFILL_BLOCK_SECONDS
  ) {
    windows.push(from);
  }
  const parallelism = Math.max(1, Math.min(4, os.availableParallelism()));
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < windows.length) {
      const from = windows[next++];
      const file = path.join(workDir, `samples-${from}.om`);
      await writeOpenMetrics(history, file, {
        fromSeconds: from,
        toSeconds: from + BACKFILL_BLOCK_SECONDS,
      });
      const result = await runPromtool([
        'tsdb',
        'create-blocks-from',
        'openmetrics',
        MAX_BLOCK_DURATION_FLAG,
        '--quiet',
        file,
        blocksDir,
      ]);
      await rm(file, { force: true });
      if (result.exitCode !== 0) {
        failed = true;
        throw new Error(
          `promtool could not backfill ${file} (exit ${
            result.exitCode
          }): ${result.stderr.trim()}`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: parallelism }, worker));
}
