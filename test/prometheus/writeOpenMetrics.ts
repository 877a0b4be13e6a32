import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { GeneratedSeries, SliHistory } from './generateSliHistory';

/** Which samples to write: `fromSeconds <= t < toSeconds`. */
export interface OpenMetricsTimeRange {
  fromSeconds: number;
  toSeconds: number;
}

/** Escapes a label value as the exposition formats require. */
function escapeLabelValue(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n');
}

/** `name{a="b",c="d"}` */
function seriesKey(series: GeneratedSeries): string {
  const labels = Object.entries(series.labels)
    .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
    .join(',');
  return `${series.name}{${labels}}`;
}

/** Identity of a histogram MetricPoint: its labels without `le`. */
function histogramGroupKey(series: GeneratedSeries): string {
  const { le: _le, ...rest } = series.labels;
  return JSON.stringify(rest);
}

/** Sample indexes inside the range. */
function sampleIndexes(history: SliHistory, range: OpenMetricsTimeRange) {
  const first = Math.max(
    0,
    Math.ceil((range.fromSeconds - history.startSeconds) / history.stepSeconds),
  );
  const last = Math.min(
    history.sampleCount - 1,
    Math.ceil((range.toSeconds - history.startSeconds) / history.stepSeconds) -
      1,
  );
  return { first, last };
}

/**
 * Yields the OpenMetrics text for the samples in the range, in chunks.
 *
 * OpenMetrics names a counter family without its `_total` suffix
 * (`# TYPE http_requests counter` + samples `http_requests_total`), and a
 * histogram MetricPoint is all of its `_bucket`, `_count` and `_sum` samples
 * at one timestamp, so histogram lines are grouped by timestamp while counter
 * samples are written series by series. Timestamps are in seconds. The text
 * ends with `# EOF`.
 */
export function* openMetricsChunks(
  history: SliHistory,
  range: OpenMetricsTimeRange,
): Generator<string> {
  const { first, last } = sampleIndexes(history, range);
  const families = new Map<string, GeneratedSeries[]>();
  for (const series of history.series) {
    const members = families.get(series.family) ?? [];
    members.push(series);
    families.set(series.family, members);
  }
  const timeAt = (i: number) => history.startSeconds + i * history.stepSeconds;

  for (const [family, members] of families) {
    yield `# TYPE ${family} ${members[0].type}\n`;
    if (first > last) {
      continue;
    }
    if (members[0].type === 'counter') {
      for (const series of members) {
        const key = seriesKey(series);
        let chunk = '';
        for (let i = first; i <= last; i++) {
          chunk += `${key} ${series.values[i]} ${timeAt(i)}\n`;
        }
        yield chunk;
      }
      continue;
    }
    const groups = new Map<string, GeneratedSeries[]>();
    for (const series of members) {
      const group = groups.get(histogramGroupKey(series)) ?? [];
      group.push(series);
      groups.set(histogramGroupKey(series), group);
    }
    for (const group of groups.values()) {
      const ordered = [
        ...group.filter(s => s.name.endsWith('_bucket')),
        ...group.filter(s => s.name.endsWith('_count')),
        ...group.filter(s => s.name.endsWith('_sum')),
      ];
      const keys = ordered.map(seriesKey);
      let chunk = '';
      for (let i = first; i <= last; i++) {
        const time = timeAt(i);
        for (let k = 0; k < ordered.length; k++) {
          chunk += `${keys[k]} ${ordered[k].values[i]} ${time}\n`;
        }
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
  }
  yield '# EOF\n';
}

/** Writes the samples in the range to `filePath` as OpenMetrics text. */
export async function writeOpenMetrics(
  history: SliHistory,
  filePath: string,
  range: OpenMetricsTimeRange,
): Promise<void> {
  const stream = createWriteStream(filePath);
  try {
    for (const chunk of openMetricsChunks(history, range)) {
      if (!stream.write(chunk)) {
        await once(stream, 'drain');
      }
    }
  } finally {
    stream.end();
  }
  await once(stream, 'finish');
}
