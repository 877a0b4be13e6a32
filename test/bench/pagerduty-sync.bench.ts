/*
 * Benchmark (not a test): a bulk sync of a generated 10,000-service PagerDuty
 * account from the simulator, under the simulator's 960 requests/minute
 * limit, with the same client and sync the backend module uses.
 *
 *   npm run bench:pagerduty                 # 10,000 services
 *   npm run bench:pagerduty -- --services 2000
 *
 * The simulator runs in a child process so the peak memory printed here is
 * the sync's own.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  createPagerDutySync,
  PagerDutyClient,
} from '@preflight/plugin-reliability-backend-module-pagerduty/src/workspaceInternals';
import { mib, trackPeakMemory } from './peakMemory';

const LIST_KEYS = [
  'services',
  'escalation_policies',
  'users',
  'teams',
  'oncalls',
  'incidents',
  'log_entries',
] as const;
const PAGE_LIMIT = 100;

async function startSimulatorProcess(services: number, perMinute: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(
        path.dirname(require.resolve('@preflight/demo-fixtures/package.json')),
        'src/simulator/main.ts',
      ),
      '--fleet',
      'generated',
      '--services',
      String(services),
      '--rate-limit',
      String(perMinute),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', chunk => {
      buffered += chunk.toString();
      const match = buffered.match(/PAGERDUTY_SIMULATOR_URL=(\S+)/);
      if (match) resolve(match[1]);
    });
    child.on('exit', code =>
      reject(new Error(`simulator exited with code ${code}`)),
    );
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Counts the items each list operation returned, to derive the paging minimum. */
function countingFetch(itemsByList: Map<string, number>): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.ok) return response;
    const body = await response.clone().text();
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      for (const key of LIST_KEYS) {
        const list = json[key];
        if (Array.isArray(list)) {
          itemsByList.set(key, (itemsByList.get(key) ?? 0) + list.length);
        }
      }
    } catch {
      // the client reports bad bodies itself
    }
    return response;
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const { values } = parseArgs({
    options: {
      services: { type: 'string', default: '10000' },
      'rate-limit': { type: 'string', default: '960' },
    },
  });
  const services = Number(values.services);
  const perMinute = Number(values['rate-limit']);

  const simulator = await startSimulatorProcess(services, perMinute);
  const itemsByList = new Map<string, number>();
  const client = new PagerDutyClient({
    accountId: 'bench',
    baseUrl: simulator.url,
    token: 'sim-token-preflight',
    requestsPerMinute: perMinute,
    fetch: countingFetch(itemsByList),
  });
  const sync = createPagerDutySync({ client });

  const memory = trackPeakMemory();
  const started = Date.now();
  try {
    const snapshot = await sync.syncAccount();
    const wallMs = Date.now() - started;
    const { peakRss, peakHeap } = memory.stop();
    const stats = client.stats();
    const pagingMinimum = [...itemsByList.values()].reduce(
      (sum, items) => sum + Math.max(1, Math.ceil(items / PAGE_LIMIT)),
      0,
    );
    const floorMs = ((stats.requests - 1) / perMinute) * 60_000;

    const listed = [...itemsByList.entries()]
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');

    // A scheduled sync repeats every few minutes; the next one reuses the
    // shift history the first one read.
    client.resetStats();
    const nextStarted = Date.now();
    await sync.syncAccount();
    const nextWallMs = Date.now() - nextStarted;
    const nextRequests = client.stats().requests;

    const rows: Array<[string, string]> = [
      ['services synced', String(snapshot.services.length)],
      ['escalation policies', String(snapshot.policies.length)],
      [
        'on-call shifts',
        String(snapshot.policies.reduce((n, p) => n + p.shifts.length, 0)),
      ],
      ['items listed', listed],
      ['requests made', String(stats.requests)],
      ['paging minimum (items / 100 per list)', String(pagingMinimum)],
      ['429s received', String(stats.rateLimited)],
      ['retries', String(stats.retries)],
      ['wall time', seconds(wallMs)],
      [`rate-limit floor (requests at ${perMinute}/min)`, seconds(floorMs)],
      ['peak RSS / heap', `${mib(peakRss)} / ${mib(peakHeap)}`],
      ['warnings', String(snapshot.warnings.length)],
      [
        'next sync: requests / wall time',
        `${nextRequests} / ${seconds(nextWallMs)}`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(
      `PagerDuty bulk sync of a generated ${services}-service account\n`,
    );
    for (const [key, value] of rows) {
      process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
    }
  } finally {
    simulator.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
