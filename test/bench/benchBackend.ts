/*
 * What the backend benchmarks share: a real reliability backend on SQLite or
 * PostgreSQL whose scheduled tasks the benchmark runs itself, seeded with a
 * synthetic fleet through the stores' own write paths, and a concurrent
 * HTTP load whose clients run in a worker thread.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { type Knex } from 'knex';
import { reliabilityPlugin } from '@preflight/plugin-reliability-backend';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  DatabaseReliabilityStore,
  DatabaseSloStore,
  openReliabilityDatabase,
} from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import { reliabilityModulePagerDuty } from '@preflight/plugin-reliability-backend-module-pagerduty';
import { reliabilityModulePrometheus } from '@preflight/plugin-reliability-backend-module-prometheus';
import { indexedCatalogFactory } from './indexedCatalog';
import { generateScorecardFleet, uniformSloEvaluation } from './scorecardFleet';

/** The scorecard evaluation task the plugin schedules. */
export const EVALUATION_TASK_ID = 'reliability-scorecards-evaluate';

/**
 * A scheduler that records tasks instead of running them, so the benchmark
 * runs the evaluation itself, when it wants, and times it.
 */
export function recordingScheduler(
  tasks: Map<string, SchedulerServiceTaskFunction>,
) {
  const scheduler: SchedulerService = {
    async scheduleTask(task) {
      tasks.set(task.id, task.fn);
    },
    createScheduledTaskRunner() {
      return {
        async run(task) {
          tasks.set(task.id, task.fn);
        },
      };
    },
    async triggerTask() {
      // Syncs trigger an evaluation; the benchmark runs it explicitly.
    },
    async cancelTask() {},
    async getScheduledTasks() {
      return [...tasks.keys()].map(id => ({
        id,
        scope: 'global' as const,
        settings: { version: 2 },
      }));
    },
  };
  return createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: () => scheduler,
  });
}

/**
 * Waits until no query runs or waits for a connection. A load run ends with
 * requests still being answered (the clients stop at a deadline, the server
 * finishes what it accepted, after `backend.stop()` too); destroying the pool
 * under them aborts their acquires, and knex prints every one.
 */
async function quiesce(knex: Knex, timeoutMs = 30_000): Promise<void> {
  const pool = (
    knex.client as {
      pool?: {
        numUsed(): number;
        numPendingAcquires(): number;
        numPendingCreates(): number;
      };
    }
  ).pool;
  const deadline = Date.now() + timeoutMs;
  while (
    pool &&
    pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0 &&
    Date.now() < deadline
  ) {
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

export async function openDatabase(postgres: string | undefined) {
  if (postgres) {
    const admin = knexFactory({ client: 'pg', connection: postgres });
    const name = `preflight_bench_${Date.now()}`;
    await admin.raw(`CREATE DATABASE ${name}`);
    await admin.destroy();
    const knex = knexFactory({
      client: 'pg',
      connection: `${postgres.replace(/\/$/, '')}/${name}`,
      pool: { min: 0, max: 10 },
    });
    return {
      knex,
      label: 'PostgreSQL',
      async drop() {
        await quiesce(knex);
        await knex.destroy();
        const cleanup = knexFactory({ client: 'pg', connection: postgres });
        await cleanup.raw(`DROP DATABASE IF EXISTS ${name}`);
        await cleanup.destroy();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'reliability.sqlite') },
    useNullAsDefault: true,
  });
  return {
    knex,
    label: 'SQLite (file)',
    async drop() {
      await quiesce(knex);
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Stores the fleet's on-call and SLO observations, as syncs would. */
export async function seedObservations(
  knex: Knex,
  fleet: ReturnType<typeof generateScorecardFleet>,
  now: Date,
) {
  const db = await openReliabilityDatabase(mockServices.database({ knex }));
  const store = new DatabaseReliabilityStore(db);
  const source = {
    id: 'pagerduty:default',
    type: 'pagerduty',
    displayName: 'PagerDuty',
  };
  await store.registerSource(source);
  await store.replaceSourceSnapshot({
    source,
    syncedAt: now,
    snapshot: {
      services: fleet.services,
      policies: fleet.policies,
      incidentStats: fleet.incidentStats,
      warnings: [],
    },
  });

  const sloStore = new DatabaseSloStore(db);
  const sloSource = {
    id: 'prometheus:main',
    type: 'prometheus',
    displayName: 'Prometheus (main)',
  };
  await store.registerSource(sloSource);
  await sloStore.replaceDeclarations(
    fleet.slos.map(({ definition }) => ({
      entityRef: definition.entityRef,
      slos: [{ definition, sourceId: sloSource.id }],
      problems: [],
    })),
  );
  await sloStore.recordSourceMeasurement({
    source: sloSource,
    measuredAt: now,
    warnings: [],
    statuses: fleet.slos.map(({ definition, errorRatio }) => ({
      entityRef: definition.entityRef,
      sloId: definition.id,
      state: 'ok' as const,
      evaluation: uniformSloEvaluation(definition, errorRatio),
      burnDown: [],
      errors: [],
      warnings: [],
    })),
  });
}

export function percentile(sorted: number[], p: number): number {
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
      if (!response.ok || body[workerData.listField].length !== workerData.expectedLength) failures += 1;
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

/**
 * `requests` GETs of `url` by `clients` concurrent clients; a request fails
 * unless it answers 2xx with `listField` holding `expectedLength` items.
 */
export async function loadRoute(options: {
  url: string;
  clients: number;
  requests: number;
  listField: string;
  expectedLength: number;
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

/**
 * The real reliability backend with its PagerDuty and Prometheus modules
 * pointed at closed ports (no sync runs), the in-memory catalog holding
 * `entities`, and a scheduler that hands every task to `tasks` for the
 * benchmark to run.
 */
export async function startBenchBackend(options: {
  entities: Entity[];
  knex: Knex;
  tasks: Map<string, SchedulerServiceTaskFunction>;
  /** Further `reliability` config, e.g. review templates. */
  reliability?: Record<string, unknown>;
  /**
   * By-ref catalog reads from an index (see `indexedCatalog.ts`) instead of
   * the test catalog's map rebuilt per read.
   */
  indexedCatalog?: boolean;
}) {
  return startTestBackend({
    features: [
      reliabilityPlugin,
      reliabilityModulePagerDuty,
      reliabilityModulePrometheus,
      options.indexedCatalog
        ? indexedCatalogFactory({ entities: options.entities })
        : catalogServiceMock.factory({ entities: options.entities }),
      recordingScheduler(options.tasks),
      mockServices.database.factory({ knex: options.knex }),
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
            ...options.reliability,
          },
        },
      }),
    ],
  });
}
