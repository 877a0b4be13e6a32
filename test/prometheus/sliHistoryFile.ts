import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GeneratedSeries, SliHistory } from './generateSliHistory';

const HEADER_FILE = 'history.json';
const SAMPLES_FILE = 'samples.f64';

type SeriesHeader = Pick<
  GeneratedSeries,
  'name' | 'family' | 'type' | 'labels'
>;

interface HistoryHeader {
  startSeconds: number;
  endSeconds: number;
  stepSeconds: number;
  sampleCount: number;
  series: SeriesHeader[];
}

/**
 * Saves a history next to its TSDB blocks: a JSON header and the raw
 * `values`/`increments` arrays. Generating 830k samples takes seconds inside
 * Jest's sandbox but reading them back takes milliseconds, and keeping them
 * in the same cache entry as the blocks guarantees both describe the same data.
 */
export async function writeSliHistoryFile(
  history: SliHistory,
  dir: string,
): Promise<void> {
  const header: HistoryHeader = {
    startSeconds: history.startSeconds,
    endSeconds: history.endSeconds,
    stepSeconds: history.stepSeconds,
    sampleCount: history.sampleCount,
    series: history.series.map(({ name, family, type, labels }) => ({
      name,
      family,
      type,
      labels,
    })),
  };
  const samples = Buffer.concat(
    history.series.flatMap(series =>
      [series.values, series.increments].map(array =>
        Buffer.from(array.buffer, array.byteOffset, array.byteLength),
      ),
    ),
  );
  await writeFile(path.join(dir, HEADER_FILE), JSON.stringify(header));
  await writeFile(path.join(dir, SAMPLES_FILE), samples);
}

/** Reads a history saved by {@link writeSliHistoryFile}. */
export async function readSliHistoryFile(dir: string): Promise<SliHistory> {
  const header = JSON.parse(
    await readFile(path.join(dir, HEADER_FILE), 'utf8'),
  ) as HistoryHeader;
  const samples = await readFile(path.join(dir, SAMPLES_FILE));
  const perArray = header.sampleCount;
  if (samples.byteLength !== header.series.length * 2 * perArray * 8) {
    throw new Error(
      `${path.join(dir, SAMPLES_FILE)} does not match its header`,
    );
  }
  // Copy into fresh, aligned arrays (a Buffer's offset need not be 8-aligned).
  const all = new Float64Array(samples.byteLength / 8);
  new Uint8Array(all.buffer).set(samples);
  return {
    ...header,
    series: header.series.map((series, k) => ({
      ...series,
      values: all.subarray(2 * k * perArray, (2 * k + 1) * perArray),
      increments: all.subarray((2 * k + 1) * perArray, (2 * k + 2) * perArray),
    })),
  };
}
