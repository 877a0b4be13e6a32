/*
 * The backend pieces the benchmarks share: a scheduler that lets the script
 * run tasks when it wants, a throw-away database (SQLite file or a fresh
 * PostgreSQL database), and a synthetic fleet's observations written through
 * the stores' own write paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import knexFactory, { type Knex } from 'knex';
import {
  DatabaseReliabilityStore,
  DatabaseSloStore,
} from '@preflight/plugin-reliability-backend';
import {
  type generateScorecardFleet,
  uniformSloEvaluation,
} from './scorecardFleet';

/** The scorecard evaluation task of the reliability plugin. */
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
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the fleet's on-call and SLO observations as a sync would. */
export async function seedObservations(
  knex: Knex,
  fleet: ReturnType<typeof generateScorecardFleet>,
  now: Date,
) {
  const database = mockServices.database({ knex });
  const store = await DatabaseReliabilityStore.create({ database });
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

  const sloStore = await DatabaseSloStore.create({ database });
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
