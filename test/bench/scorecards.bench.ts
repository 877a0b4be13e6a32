/*
 * Benchmark (not a test) of readiness scorecards:
 *
 *  1. evaluation wall time of 10,000 components × the full check library,
 *     by the real plugin's scheduled task (first run: everything; second
 *     run: nothing changed, so fingerprints skip every entity);
 *  2. latency (p50/p99) of the team view API (its first page, since the
 *     view pages on the server) for a group owning 1,000 components (via
 *     two sub-teams) under 50 concurrent clients. `bench:reads` measures
 *     every read of issue 9.
 *
 *   npm run bench:scorecards
 *   npm run bench:scorecards -- --components 2000 --requests 500
 *   npm run bench:scorecards -- --postgres postgresql://postgres:postgres@127.0.0.1:5432
 *
 * The backend is the real one (reliability plugin with the PagerDuty and
 * Prometheus modules, pointed at closed ports: no sync runs), on SQLite in a
 * temporary file or on PostgreSQL, seeded with a synthetic fleet through the
 * stores' own write paths. The catalog is Backstage's in-memory catalog.
 */
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { GroupScorecardResponse } from '@preflight/plugin-reliability-common';
import { reliabilityPlugin } from '@preflight/plugin-reliability-backend';
import { reliabilityModulePagerDuty } from '@preflight/plugin-reliability-backend-module-pagerduty';
import { reliabilityModulePrometheus } from '@preflight/plugin-reliability-backend-module-prometheus';
import {
  EVALUATION_TASK_ID,
  openDatabase,
  recordingScheduler,
  seedObservations,
} from './benchBackend';
import { mib, trackPeakMemory } from './peakMemory';
import { generateScorecardFleet } from './scorecardFleet';

function percentile(sorted: number[], p: number): number {
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

/**
 * Runs the load in a worker thread: the clients parse every 1,000-row
 * response, and on a 2-core machine that work would otherwise steal the
 * server's event loop and be counted as server latency.
 */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, clients, requests } = workerData;
const latencies = [];
let next = 0;
let failures = 0;
let rows = -1;
async function client() {
  while (next < requests) {
    next += 1;
    const started = performance.now();
    try {
      const response = await fetch(url);
      const body = await response.json();
      latencies.push(performance.now() - started);
      if (!response.ok || body.rows.length !== workerData.expectedRows) failures += 1;
    } catch {
      latencies.push(performance.now() - started);
      failures += 1;
    }
  }
}
const started = performance.now();
Promise.all(Array.from({ length: clients }, client)).then(() => {
  parentPort.postMessage({ latencies, failures, wallMs: performance.now() - started });
});
`;

async function loadTeamView(options: {
  url: string;
  clients: number;
  requests: number;
  expectedRows: number;
}) {
  const result = await new Promise<{
    latencies: number[];
    failures: number;
    wallMs: number;
  }>((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: options });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const latencies = result.latencies.sort((a, b) => a - b);
  return {
    failures: result.failures,
    wallMs: result.wallMs,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    throughput: (latencies.length / result.wallMs) * 1000,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      components: { type: 'string', default: '10000' },
      large: { type: 'string', default: '1000' },
      teams: { type: 'string', default: '60' },
      clients: { type: 'string', default: '50' },
      requests: { type: 'string', default: '2000' },
      postgres: { type: 'string' },
    },
  });
  const components = Number(values.components);
  const largeTeamComponents = Number(values.large);
  const now = new Date();
  const memory = trackPeakMemory();

  const fleet = generateScorecardFleet({
    components,
    largeTeamComponents,
    teams: Number(values.teams),
    now,
  });
  const db = await openDatabase(values.postgres);
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const backend = await startTestBackend({
    features: [
      reliabilityPlugin,
      reliabilityModulePagerDuty,
      reliabilityModulePrometheus,
      catalogServiceMock.factory({ entities: fleet.entities }),
      recordingScheduler(tasks),
      mockServices.database.factory({ knex: db.knex }),
      mockServices.rootConfig.factory({
        data: {
          reliability: {
            pagerduty: {
              accounts: [
                {
                  id: 'default',
                  baseUrl: 'http://127.0.0.1:9',
                  token: 'unused',
                },
              ],
            },
            prometheus: {
              instances: [{ name: 'main', baseUrl: 'http://127.0.0.1:9' }],
            },
          },
        },
      }),
    ],
  });
  try {
    await seedObservations(db.knex, fleet, now);
    const evaluate = tasks.get(EVALUATION_TASK_ID);
    if (!evaluate) {
      throw new Error(`the plugin scheduled no ${EVALUATION_TASK_ID} task`);
    }
    const signal = new AbortController().signal;

    let started = performance.now();
    await evaluate(signal);
    const firstRunMs = performance.now() - started;
    const stored = await db.knex('scorecard_results').count({ n: '*' });

    started = performance.now();
    await evaluate(signal);
    const secondRunMs = performance.now() - started;

    const { port } = backend.server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/api/reliability/groups/default/team-large/scorecards`;
    // Warm-up, and a check that the view is what the figures claim.
    const warm = (await (await fetch(url)).json()) as GroupScorecardResponse;
    const latency = await loadTeamView({
      url,
      clients: Number(values.clients),
      requests: Number(values.requests),
      expectedRows: warm.rows.length,
    });

    const figures = {
      database: db.label,
      components,
      checks: warm.rubric.checks.length,
      storedScorecards: Number(stored[0].n),
      firstRunSeconds: +(firstRunMs / 1000).toFixed(1),
      unchangedRunSeconds: +(secondRunMs / 1000).toFixed(1),
      teamRows: warm.rows.length,
      clients: Number(values.clients),
      requests: Number(values.requests),
      failures: latency.failures,
      p50Ms: +latency.p50.toFixed(1),
      p99Ms: +latency.p99.toFixed(1),
      maxMs: +latency.max.toFixed(1),
      requestsPerSecond: +latency.throughput.toFixed(1),
      peakRss: mib(memory.stop().peakRss),
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await backend.stop();
    await db.drop();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
