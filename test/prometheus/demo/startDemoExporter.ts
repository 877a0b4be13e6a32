import http from 'node:http';
import { AddressInfo } from 'node:net';
import type { DemoScenario } from '@preflight/demo-fixtures';
import {
  DemoCounterState,
  demoIncrements,
  demoRandoms,
  demoSeriesHeaders,
} from './demoSeries';

/** A running loopback exporter of the demo's live counters. */
export interface DemoExporter {
  /** `host:port` to put in a scrape config */
  target: string;
  stop(): Promise<void>;
}

const MINUTE = 60;

/** `name{a="b"}` in the text exposition format. */
function seriesKey(name: string, labels: Readonly<Record<string, string>>) {
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
    .join(',');
  return `${name}{${text}}`;
}

/**
 * Serves the demo's counters on 127.0.0.1 in the Prometheus text format,
 * continuing from `state` (the values at `endSeconds`, the last backfilled
 * sample) at the scenario's rates, so burn rates stay meaningful while the
 * demo runs. Minutes are generated as time passes with the same generator as
 * the history; within a minute the values move linearly, so every scrape
 * sees monotonic counters and consistent histogram buckets.
 */
export async function startDemoExporter(
  scenario: DemoScenario,
  state: DemoCounterState,
  endSeconds: number,
): Promise<DemoExporter> {
  const headers = demoSeriesHeaders(scenario);
  const randoms = demoRandoms(scenario, `live:${endSeconds}`);
  let minuteEnd = endSeconds;
  const current = [...state];
  let next = demoIncrements(
    scenario,
    minuteEnd + MINUTE,
    MINUTE,
    randoms,
    headers.length,
  );

  const valuesAt = (nowSeconds: number): number[] => {
    while (nowSeconds >= minuteEnd + MINUTE) {
      for (let k = 0; k < current.length; k++) {
        current[k] += next[k];
      }
      minuteEnd += MINUTE;
      next = demoIncrements(
        scenario,
        minuteEnd + MINUTE,
        MINUTE,
        randoms,
        headers.length,
      );
    }
    const fraction = Math.max(0, (nowSeconds - minuteEnd) / MINUTE);
    return current.map((v, k) => v + fraction * next[k]);
  };

  const exposition = (): string => {
    const values = valuesAt(Date.now() / 1000);
    const typed = new Set<string>();
    let text = '';
    headers.forEach((h, k) => {
      const family = h.type === 'counter' ? h.name : h.family;
      if (!typed.has(family)) {
        typed.add(family);
        text += `# TYPE ${family} ${h.type}\n`;
      }
      text += `${seriesKey(h.name, h.labels)} ${values[k]}\n`;
    });
    return text;
  };

  const server = http.createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      .end(exposition());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    target: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
