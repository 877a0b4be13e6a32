import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pruneOtherEntries } from './ensureSliHistoryCache';

describe('pruneOtherEntries', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'preflight-cache-test-'));
  });

  afterEach(() => rm(root, { recursive: true, force: true }));

  async function finishedEntry(key: string, lastUsedDaysAgo: number) {
    const entry = path.join(root, key);
    await mkdir(path.join(entry, 'blocks'), { recursive: true });
    const marker = path.join(entry, 'READY');
    await writeFile(marker, '{}\n');
    const at = new Date(Date.now() - lastUsedDaysAgo * 86_400_000);
    await utimes(marker, at, at);
    return entry;
  }

  it('keeps entries of other scenarios that tests use, removing only long-unused ones', async () => {
    const kept = await finishedEntry('aaaa', 0);
    const inUseElsewhere = await finishedEntry('bbbb', 0.5);
    const stale = await finishedEntry('cccc', 3);
    await pruneOtherEntries(root, 'aaaa');
    expect(existsSync(kept)).toBe(true);
    // Another scenario's blocks, read within the day: a parallel test may be
    // copying them right now.
    expect(existsSync(inUseElsewhere)).toBe(true);
    expect(existsSync(stale)).toBe(false);
  });

  it('leaves locked entries and running builds alone, removing abandoned builds', async () => {
    const locked = await finishedEntry('dddd', 3);
    await mkdir(`${locked}.lock`);
    const running = path.join(root, `eeee.building-${process.pid}`);
    await mkdir(running);
    // A pid far above any real one: the build's process is gone.
    const abandoned = path.join(root, 'ffff.building-2147483');
    await mkdir(abandoned);
    await pruneOtherEntries(root, 'aaaa');
    expect(existsSync(locked)).toBe(true);
    expect(existsSync(running)).toBe(true);
    expect(existsSync(abandoned)).toBe(false);
  });
});
