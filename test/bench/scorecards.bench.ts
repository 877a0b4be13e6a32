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
import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import type { GroupScorecardResponse } from '@preflight/plugin-reliability-common';
import { mib, trackPeakMemory } from './peakMemory';
import {
  EVALUATION_TASK_ID,
  loadRoute,
  openDatabase,
  seedObservations,
  startBenchBackend,
} from './benchBackend';
import { generateScorecardFleet } from './scorecardFleet';

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
  const backend = await startBenchBackend({
    entities: fleet.entities,
    knex: db.knex,
    tasks,
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
    const latency = await loadRoute({
      url,
      clients: Number(values.clients),
      requests: Number(values.requests),
      listField: 'rows',
      expectedLength: warm.rows.length,
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
