import { setTimeout as sleep } from 'node:timers/promises';
import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';
import { makeService, makeSnapshot } from './__testUtils__/snapshotFixtures';
import {
  ReplicaTestBackend,
  startReplicaTestBackend,
} from './__testUtils__/startReplicaTestBackend';
import {
  ReliabilityTestBackend,
  startReliabilityTestBackend,
  testEntities,
} from './__testUtils__/startReliabilityTestBackend';
import { DatabaseScorecardStore } from './scorecards/DatabaseScorecardStore';
import { changedEntityPageSnapshots } from './scorecards/entityPageSnapshots';
import { ScorecardEvaluator } from './scorecards/ScorecardEvaluator';

jest.setTimeout(180_000);

/*
 * Two replicas of the whole plugin, each with its own connection pool,
 * scheduler, caches and fake upstream sources, on one PostgreSQL database.
 */

const FREQUENCY_MS = 2_000;
const every = { seconds: FREQUENCY_MS / 1000 };

function component(name: string, serviceId: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'pagerduty.com/service-id': serviceId },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

const serviceIds = ['PSVC001', 'PSVC002', 'PSVC003', 'PSVC004', 'PSVC005'];
const fleet = serviceIds.map((id, i) => component(`service-${i + 1}`, id));

interface Run {
  task: string;
  replica: number;
  start: number;
  end: number;
}

/**
 * Wraps `fn` (an upstream call or an evaluation) so each call is recorded
 * and lasts a while: runs of one task on two replicas at once would overlap.
 */
function recording<A extends unknown[], R>(
  runs: Run[],
  task: (firstArg: unknown) => string,
  replica: (self: unknown) => number,
  fn: (this: unknown, ...args: A) => Promise<R>,
) {
  return async function recorded(this: unknown, ...args: A): Promise<R> {
    const run = {
      task: task(args[0]),
      replica: replica(this),
      start: Date.now(),
      end: Infinity,
    };
    runs.push(run);
    try {
      await sleep(200);
      return await fn.apply(this, args);
    } finally {
      run.end = Date.now();
    }
  };
}

/** Per task: how many runs, and whether any two overlapped. */
function byTask(runs: Run[], until: number) {
  const tasks = new Map<string, Run[]>();
  for (const run of runs.filter(r => r.start <= until)) {
    tasks.set(run.task, [...(tasks.get(run.task) ?? []), run]);
  }
  return [...tasks.entries()].map(([task, list]) => {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    const overlaps = sorted.filter(
      (run, i) => i > 0 && run.start < sorted[i - 1].end,
    ).length;
    return { task, runs: sorted.length, overlaps };
  });
}

/** The most runs one scheduler starts in `elapsedMs` at the test frequency. */
const mostRunsIn = (elapsedMs: number) =>
  Math.floor(elapsedMs / FREQUENCY_MS) + 1;

describe('two replicas on one PostgreSQL', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
  const supported = databases.supports('POSTGRES_15');

  /** Two connection pools to one fresh database. */
  async function sharedDatabase(): Promise<Knex[]> {
    const first = await databases.init('POSTGRES_15');
    return [
      first,
      knexFactory({ client: 'pg', connection: first.client.config.connection }),
    ];
  }

  describe('with Backstage scheduler on each, syncing every 2 s', () => {
    let knexes: Knex[];
    const replicas: ReplicaTestBackend[] = [];
    const runs: Run[] = [];
    let startedAt = 0;
    let settledAt = 0;

    beforeAll(async () => {
      if (!supported) {
        return;
      }
      knexes = await sharedDatabase();
      startedAt = Date.now();
      for (const knex of knexes) {
        const replica = await startReplicaTestBackend({
          knex,
          entities: fleet,
          config: {
            reliability: {
              sync: { frequency: every, initialDelay: { seconds: 1 } },
              slos: {
                sync: { frequency: every, initialDelay: { seconds: 1 } },
              },
              // Evaluations follow the syncs here; their schedule is tested
              // on its own below.
              scorecards: {
                schedule: {
                  frequency: { hours: 1 },
                  timeout: { minutes: 1 },
                  initialDelay: { hours: 1 },
                },
              },
              refresh: {
                perEntityInterval: { minutes: 5 },
                perUserPerMinute: 3,
              },
            },
          },
        });
        const index = replicas.length;
        const onCall = replica.onCall!;
        onCall.snapshot = makeSnapshot(serviceIds);
        onCall.syncSource.mockImplementation(
          recording(
            runs,
            sourceId => `on-call sync of ${String(sourceId)}`,
            () => index,
            onCall.syncSource.getMockImplementation()!,
          ),
        );
        const slos = replica.slos!;
        slos.measureSlos.mockImplementation(
          recording(
            runs,
            sourceId => `SLO sync of ${String(sourceId)}`,
            () => index,
            slos.measureSlos.getMockImplementation()!,
          ),
        );
        replicas.push(replica);
      }
      await sleep(4 * FREQUENCY_MS);
      settledAt = Date.now();
    });

    afterAll(async () => {
      for (const replica of replicas) {
        await replica.stop();
      }
      await knexes?.[1]?.destroy();
    });

    it('runs each sync once per schedule, on one replica at a time', async () => {
      if (!supported) {
        return;
      }
      const tasks = byTask(runs, settledAt);
      expect(tasks.map(t => t.task).sort()).toEqual([
        'SLO sync of metrics:east',
        'SLO sync of metrics:west',
        'on-call sync of pagerduty:default',
      ]);
      for (const task of tasks) {
        // Two schedulers each running every task would start about twice
        // as many runs, and overlapping ones.
        expect(task).toEqual({
          task: task.task,
          runs: expect.any(Number),
          overlaps: 0,
        });
        expect(task.runs).toBeGreaterThanOrEqual(2);
        expect(task.runs).toBeLessThanOrEqual(
          mostRunsIn(settledAt - startedAt),
        );
      }
    });

    it('grants one refresh of an entity to concurrent requests on both replicas', async () => {
      if (!supported) {
        return;
      }
      const path =
        '/api/reliability/entities/component/default/service-1/refresh';
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          request(replicas[i % 2].server).post(path),
        ),
      );
      expect(answers.map(a => a.status).sort()).toEqual([
        200,
        ...Array(15).fill(429),
      ]);
      const upstream = replicas.reduce(
        (sum, r) => sum + r.onCall!.syncService.mock.calls.length,
        0,
      );
      expect(upstream).toBe(1);
    });

    it("holds a user's refreshes per minute across both replicas, also when concurrent", async () => {
      if (!supported) {
        return;
      }
      // service-1 is refreshed above: this user has 2 of 3 left this minute.
      const answers = await Promise.all(
        ['service-2', 'service-3', 'service-4', 'service-5'].map((name, i) =>
          request(replicas[i % 2].server).post(
            `/api/reliability/entities/component/default/${name}/refresh`,
          ),
        ),
      );
      expect(answers.map(a => a.status).sort()).toEqual([200, 200, 429, 429]);
      expect(answers.find(a => a.status === 429)?.body.error.message).toContain(
        'the limit is 3 per minute',
      );
    });
  });

  describe('with Backstage scheduler on each, evaluating every 2 s', () => {
    let knexes: Knex[];
    const replicas: ReplicaTestBackend[] = [];
    const runs: Run[] = [];
    const evaluators: unknown[] = [];
    let startedAt = 0;
    let settledAt = 0;

    beforeAll(async () => {
      if (!supported) {
        return;
      }
      const run = ScorecardEvaluator.prototype.run;
      jest.spyOn(ScorecardEvaluator.prototype, 'run').mockImplementation(
        recording(
          runs,
          () => 'scorecard evaluation',
          self => {
            if (!evaluators.includes(self)) {
              evaluators.push(self);
            }
            return evaluators.indexOf(self);
          },
          run as (
            this: unknown,
            signal?: AbortSignal,
          ) => ReturnType<typeof run>,
        ),
      );
      knexes = await sharedDatabase();
      startedAt = Date.now();
      for (const knex of knexes) {
        replicas.push(
          await startReplicaTestBackend({
            knex,
            entities: fleet,
            // No sources: no sync triggers an evaluation; only the schedule.
            sources: false,
            config: {
              reliability: {
                scorecards: {
                  schedule: {
                    frequency: every,
                    timeout: { minutes: 1 },
                    initialDelay: { seconds: 1 },
                  },
                },
              },
            },
          }),
        );
      }
      await sleep(4 * FREQUENCY_MS);
      settledAt = Date.now();
    });

    afterAll(async () => {
      jest.restoreAllMocks();
      for (const replica of replicas) {
        await replica.stop();
      }
      await knexes?.[1]?.destroy();
    });

    it('runs the evaluation once per schedule, on one replica at a time', async () => {
      if (!supported) {
        return;
      }
      const [evaluation] = byTask(runs, settledAt);
      expect(evaluation).toEqual({
        task: 'scorecard evaluation',
        runs: expect.any(Number),
        overlaps: 0,
      });
      expect(evaluation.runs).toBeGreaterThanOrEqual(2);
      expect(evaluation.runs).toBeLessThanOrEqual(
        mostRunsIn(settledAt - startedAt),
      );
    });
  });

  describe('caches', () => {
    let knexes: Knex[];
    const replicas: ReliabilityTestBackend[] = [];
    const summary =
      '/api/reliability/entities/component/default/checkout-api/summary';

    beforeAll(async () => {
      if (!supported) {
        return;
      }
      knexes = await sharedDatabase();
      // Tasks run only when a test triggers them, on that replica.
      for (const knex of knexes) {
        replicas.push(await startReliabilityTestBackend({ knex }));
      }
    });

    afterAll(async () => {
      for (const replica of replicas ?? []) {
        await replica.stop();
      }
      await knexes?.[1]?.destroy();
    });

    it("follow the other replica's writes of on-call data and entity snapshots", async () => {
      if (!supported) {
        return;
      }
      const on = (replica: number) => request(replicas[replica].server);
      replicas[0].provider.snapshot = makeSnapshot(['PCHKOUT']);
      await replicas[0].syncNow();
      // What an evaluation on replica 0 stores for the entity page.
      const scorecards = await DatabaseScorecardStore.create(knexes[0]);
      const checkout = testEntities.find(
        e => e.metadata.name === 'checkout-api',
      )!;
      await scorecards.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [{ ...checkout, metadata: { ...checkout.metadata, etag: 'e1' } }],
          new Map([['group:default/team-payments', null]]),
          new Map(),
        ),
      );
      const before = await on(1).get(summary);
      expect(before.status).toBe(200);
      expect(before.body.onCall.service.name).toBe('service PCHKOUT');
      expect(before.body.runbooks).toHaveLength(1);
      // Served from replica 1's cache now.
      expect((await on(1).get(summary)).body.onCall.service.name).toBe(
        'service PCHKOUT',
      );

      // Replica 0 refreshes the service, renamed upstream (a write of the
      // on-call data alone: no evaluation follows).
      replicas[0].provider.snapshot = {
        ...makeSnapshot(['PCHKOUT']),
        services: [makeService('PCHKOUT', { name: 'Checkout (renamed)' })],
      };
      expect(
        (
          await on(0).post(
            '/api/reliability/entities/component/default/checkout-api/refresh',
          )
        ).status,
      ).toBe(200);
      expect((await on(1).get(summary)).body.onCall.service.name).toBe(
        'Checkout (renamed)',
      );

      // Replica 0's evaluation reads the entity without its runbook link.
      await scorecards.writeEntityPageSnapshots(
        changedEntityPageSnapshots(
          [
            {
              ...checkout,
              metadata: { ...checkout.metadata, etag: 'e2', links: [] },
            },
          ],
          new Map([['group:default/team-payments', null]]),
          new Map(),
        ),
      );
      expect((await on(1).get(summary)).body.runbooks).toEqual([]);
    });
  });
});
