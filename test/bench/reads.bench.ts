/*
 * Benchmark (not a test) of the reads of issue 9, one command for every row:
 *
 *   npm run bench:reads
 *   npm run bench:reads -- --components 2000 --seconds 2 --rounds 1   # quicker
 *   npm run bench:reads -- --postgres postgresql://postgres:postgres@127.0.0.1:5432
 *   npm run bench:reads -- --no-write                            # print only
 *
 * 1. Scorecards (Backstage's in-memory catalog with the synthetic fleet of
 *    `scorecardFleet.ts`, 10,000 components, one team owning 1,000 through
 *    two sub-teams): the evaluation task's first and unchanged runs, then the
 *    team view's first page (100 rows) under 50 clients. By-ref reads and
 *    listings by kind come from an index (`indexedCatalog.ts`), as a real
 *    catalog answers them from its tables; `--test-catalog` times the test
 *    catalog as it is (a map of every entity per by-ref read, every
 *    entity's search rows built twice per listing: ~0.6 s of a first run).
 * 2. Entity pages (the real catalog backend reading a generated catalog file
 *    of `--catalog-components` components with their teams and users): the
 *    entity summary against the catalog's own `GET /entities/by-name/…` in
 *    the same run (after one evaluation run, as in a running backend), under
 *    50 clients and one client, each cycling through every component; and the SLO card's answer for an SLO stored with 720
 *    burn-down points (raw and gzip bytes per SLO).
 *
 * The load comes from autocannon in a worker thread. Figures are written
 * into docs/benchmarks.md between the `bench:reads:sqlite` or
 * `bench:reads:postgres` markers (one block per database), with the load
 * average of the machine before and after.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  coreServices,
  createServiceFactory,
  type SchedulerServiceTaskFunction,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  computeBurnDownSeries,
  type GroupScorecardResponse,
} from '@preflight/plugin-reliability-common';
import { reliabilityPlugin } from '@preflight/plugin-reliability-backend';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import { DatabaseSloStore } from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import { reliabilityModulePagerDuty } from '@preflight/plugin-reliability-backend-module-pagerduty';
import { reliabilityModulePrometheus } from '@preflight/plugin-reliability-backend-module-prometheus';
import knexFactory from 'knex';
import { stringify as toYaml } from 'yaml';
import { load, type LoadFigures } from './autocannonLoad';
import {
  EVALUATION_TASK_ID,
  openDatabase,
  recordingScheduler,
  seedObservations,
  startBenchBackend,
} from './benchBackend';
import { withFigures } from './readsFigures';
import { generateScorecardFleet } from './scorecardFleet';

const RELIABILITY_CONFIG = {
  pagerduty: {
    accounts: [{ id: 'default', baseUrl: 'http://127.0.0.1:9', token: 'x' }],
  },
  prometheus: {
    instances: [{ name: 'main', baseUrl: 'http://127.0.0.1:9' }],
  },
};

function portOf(backend: { server: http.Server }): number {
  return (backend.server.address() as { port: number }).port;
}

/** Phase 1: evaluation runs and the team view's first page. */
async function scorecards(options: {
  components: number;
  large: number;
  clients: number;
  seconds: number;
  postgres?: string;
  /** Backstage's test catalog as it is, not indexed (`--test-catalog`). */
  testCatalog: boolean;
}) {
  const now = new Date();
  const fleet = generateScorecardFleet({
    components: options.components,
    largeTeamComponents: options.large,
    teams: 60,
    now,
  });
  const db = await openDatabase(options.postgres);
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const backend = await startBenchBackend({
    entities: fleet.entities,
    knex: db.knex,
    tasks,
    indexedCatalog: !options.testCatalog,
  });
  try {
    await seedObservations(db.knex, fleet, now);
    const evaluate = tasks.get(EVALUATION_TASK_ID)!;
    const signal = new AbortController().signal;
    let started = performance.now();
    await evaluate(signal);
    const firstRunMs = performance.now() - started;
    started = performance.now();
    await evaluate(signal);
    const unchangedRunMs = performance.now() - started;

    const baseUrl = `http://127.0.0.1:${portOf(backend)}`;
    const firstPage =
      '/api/reliability/groups/default/team-large/scorecards?limit=100';
    const warm = (await (
      await fetch(`${baseUrl}${firstPage}`)
    ).json()) as GroupScorecardResponse;
    if (warm.rows.length !== Math.min(100, options.large)) {
      throw new Error(`the first page has ${warm.rows.length} rows`);
    }
    const team = await load({
      baseUrl,
      paths: [firstPage],
      connections: options.clients,
      seconds: options.seconds,
    });
    return {
      database: db.label,
      components: options.components,
      checks: warm.rubric.checks.length,
      teamEntities: warm.entities,
      catalog: options.testCatalog
        ? 'Backstage’s test catalog (`--test-catalog`)'
        : 'Backstage’s test catalog, its by-ref reads and listings by kind indexed',
      firstRunSeconds: firstRunMs / 1000,
      unchangedRunSeconds: unchangedRunMs / 1000,
      team,
    };
  } finally {
    await backend.stop();
    await db.drop();
  }
}

/** A database per plugin, as a real backend has. */
function databasePerPlugin(
  knexes: Map<string, ReturnType<typeof knexFactory>>,
) {
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory: ({ pluginMetadata }) => {
      const id = pluginMetadata.getId();
      if (!knexes.has(id)) {
        knexes.set(
          id,
          knexFactory({
            client: 'better-sqlite3',
            connection: { filename: ':memory:' },
            useNullAsDefault: true,
          }),
        );
      }
      return mockServices.database({ knex: knexes.get(id)! });
    },
  });
}

/** Raw and gzip bytes of one answer (fetch would decompress). */
function answerBytes(url: string, gzip: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} }, res => {
        let bytes = 0;
        res.on('data', chunk => {
          bytes += chunk.length;
        });
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/** Phase 2: entity summary vs the catalog's by-name read; SLO card bytes. */
async function entityPages(options: {
  components: number;
  clients: number;
  seconds: number;
  rounds: number;
}) {
  const now = new Date();
  const fleet = generateScorecardFleet({
    components: options.components,
    largeTeamComponents: Math.min(30, options.components),
    teams: 10,
    now,
  });
  // The real catalog computes relations itself.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-reads-'));
  const catalogFile = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(
    catalogFile,
    fleet.entities
      .map(({ relations: _relations, ...entity }: Entity) => toYaml(entity))
      .join('---\n'),
  );
  const knexes = new Map<string, ReturnType<typeof knexFactory>>();
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const backend = await startTestBackend({
    features: [
      import('@backstage/plugin-catalog-backend'),
      reliabilityPlugin,
      reliabilityModulePagerDuty,
      reliabilityModulePrometheus,
      recordingScheduler(tasks),
      databasePerPlugin(knexes),
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          catalog: {
            rules: [{ allow: ['Component', 'Group', 'User', 'System'] }],
            locations: [{ type: 'file', target: catalogFile }],
          },
          reliability: RELIABILITY_CONFIG,
        },
      }),
    ],
  });
  try {
    const baseUrl = `http://127.0.0.1:${portOf(backend)}`;
    const names = fleet.entities
      .filter(e => e.kind === 'Component')
      .map(e => e.metadata.name);
    // Wait until the catalog has processed the file, owners' relations too.
    const last = names[names.length - 1];
    for (let waited = 0; ; waited += 500) {
      const res = await fetch(
        `${baseUrl}/api/catalog/entities/by-name/group/default/team-large`,
      );
      const group = res.ok ? ((await res.json()) as Entity) : undefined;
      const lastRes = await fetch(
        `${baseUrl}/api/catalog/entities/by-name/component/default/${last}`,
      );
      if (
        lastRes.ok &&
        group?.relations?.some(r => r.type === 'ownerOf') &&
        (await lastRes.json()).relations?.length
      ) {
        break;
      }
      if (waited > 300_000) {
        throw new Error('the catalog did not process the fleet in 5 minutes');
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    const reliabilityKnex = knexes.get('reliability')!;
    await seedObservations(reliabilityKnex, fleet, now);
    // One evaluation, as the backend runs after each sync: it also stores
    // the entity-page snapshots the summary reads.
    await tasks.get(EVALUATION_TASK_ID)!(new AbortController().signal);
    // One SLO stored with a month of hourly burn-down points, as the
    // Prometheus source measures it before the card asks.
    const slo = fleet.slos[0];
    const start = now.getTime() - 30 * 86_400_000;
    const burnDown = computeBurnDownSeries({
      objective: slo.definition.target,
      periodSeconds: slo.definition.windowSeconds,
      windowStart: new Date(start).toISOString(),
      buckets: Array.from({ length: 720 }, (_, i) => ({
        timestamp: new Date(start + (i + 1) * 3_600_000).toISOString(),
        good: 10_000 - (i % 97 === 0 ? 40 : 1),
        total: 10_000,
      })),
    });
    // Migrated by seedObservations above.
    const sloStore = new DatabaseSloStore(reliabilityKnex);
    const [stored] = await sloStore.getStatuses(slo.definition.entityRef);
    await sloStore.recordSourceMeasurement({
      source: {
        id: 'prometheus:main',
        type: 'prometheus',
        displayName: 'Prometheus (main)',
      },
      measuredAt: now,
      warnings: [],
      statuses: [
        {
          entityRef: slo.definition.entityRef,
          sloId: slo.definition.id,
          state: 'ok',
          evaluation: stored.evaluation ?? undefined,
          burnDown,
          errors: [],
          warnings: [],
        },
      ],
    });
    const sloUrl = `${baseUrl}/api/reliability/entities/component/default/${
      slo.definition.entityRef.split('/')[1]
    }/slos`;
    const sloBody = await (await fetch(sloUrl)).json();
    const sloCount = sloBody.slos.length;
    const sloRaw = await answerBytes(sloUrl, false);
    const sloGzip = await answerBytes(sloUrl, true);

    const catalogPaths = names.map(
      name => `/api/catalog/entities/by-name/component/default/${name}`,
    );
    const summaryPaths = names.map(
      name => `/api/reliability/entities/component/default/${name}/summary`,
    );
    const run = (paths: string[], connections: number, seconds: number) =>
      load({ baseUrl, paths, connections, seconds });
    // Warm both paths, then alternate reference and subject for a few
    // rounds; the median round is reported (the machine is shared).
    await run(catalogPaths, 10, 1);
    await run(summaryPaths, 10, 1);
    const oneSeconds = Math.max(1, Math.round(options.seconds / 2));
    const rounds: Array<{
      catalogMany: LoadFigures;
      summaryMany: LoadFigures;
      catalogOne: LoadFigures;
      summaryOne: LoadFigures;
    }> = [];
    for (let round = 0; round < options.rounds; round++) {
      const catalogManyRound = await run(
        catalogPaths,
        options.clients,
        options.seconds,
      );
      const summaryManyRound = await run(
        summaryPaths,
        options.clients,
        options.seconds,
      );
      const catalogOneRound = await run(catalogPaths, 1, oneSeconds);
      const summaryOneRound = await run(summaryPaths, 1, oneSeconds);
      rounds.push({
        catalogMany: catalogManyRound,
        summaryMany: summaryManyRound,
        catalogOne: catalogOneRound,
        summaryOne: summaryOneRound,
      });
    }
    const median = <T>(items: T[], key: (item: T) => number): T =>
      [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
    const many = median(
      rounds,
      r => r.summaryMany.requestsPerSecond / r.catalogMany.requestsPerSecond,
    );
    const one = median(rounds, r => r.summaryOne.meanMs / r.catalogOne.meanMs);
    const { catalogMany, summaryMany } = many;
    const { catalogOne, summaryOne } = one;
    return {
      components: names.length,
      rounds: rounds.length,
      manyRatios: rounds.map(
        r => r.summaryMany.requestsPerSecond / r.catalogMany.requestsPerSecond,
      ),
      oneRatios: rounds.map(r => r.summaryOne.meanMs / r.catalogOne.meanMs),
      catalogMany,
      summaryMany,
      catalogOne,
      summaryOne,
      slo: {
        points: sloBody.slos[0].burnDown.length,
        storedPoints: burnDown.length,
        rawBytesPerSlo: Math.round(sloRaw / sloCount),
        gzipBytesPerSlo: Math.round(sloGzip / sloCount),
      },
    };
  } finally {
    await backend.stop();
    for (const knex of knexes.values()) {
      await knex.destroy();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');

function report(
  s: Awaited<ReturnType<typeof scorecards>>,
  e: Awaited<ReturnType<typeof entityPages>>,
  loadBefore: number[],
  loadAfter: number[],
  command: string,
): string {
  const loads = (l: number[]) => l.map(v => v.toFixed(2)).join(', ');
  const failures = [
    s.team,
    e.catalogMany,
    e.summaryMany,
    e.catalogOne,
    e.summaryOne,
  ].reduce((sum, f: LoadFigures) => sum + f.failures, 0);
  const rows = [
    [
      `team scorecards, first page (${Math.min(100, s.teamEntities)} of ${
        s.teamEntities
      } rows), ${s.team.connections} clients`,
      `p50 ${ms(s.team.p50Ms)}, p99 ${ms(s.team.p99Ms)}, ${
        s.team.requestsPerSecond
      } req/s`,
      '—',
      '—',
      'p99 ≤ 100 ms',
      verdict(s.team.p99Ms <= 100),
    ],
    [
      `entity summary, ${e.summaryMany.connections} clients, ${e.components} components`,
      `${e.summaryMany.requestsPerSecond} req/s (p99 ${ms(
        e.summaryMany.p99Ms,
      )}, ${kb(e.summaryMany.bytesPerResponse)} per answer)`,
      `catalog by-name ${e.catalogMany.requestsPerSecond} req/s (p99 ${ms(
        e.catalogMany.p99Ms,
      )}, ${kb(e.catalogMany.bytesPerResponse)} per answer)`,
      ratio(e.summaryMany.requestsPerSecond, e.catalogMany.requestsPerSecond),
      '≥ 0.8×',
      verdict(
        e.summaryMany.requestsPerSecond >=
          0.8 * e.catalogMany.requestsPerSecond,
      ),
    ],
    [
      'entity summary, one client (mean wall time per request)',
      `${e.summaryOne.meanMs.toFixed(2)} ms`,
      `catalog by-name ${e.catalogOne.meanMs.toFixed(2)} ms`,
      ratio(e.summaryOne.meanMs, e.catalogOne.meanMs),
      '≤ 1.5×',
      verdict(e.summaryOne.meanMs <= 1.5 * e.catalogOne.meanMs),
    ],
    [
      `SLO card payload, one SLO (${e.slo.storedPoints} stored burn-down points)`,
      `${kb(e.slo.rawBytesPerSlo)} raw, ${kb(e.slo.gzipBytesPerSlo)} gzip; ${
        e.slo.points
      } points served`,
      '—',
      '—',
      '≤ 30 kB',
      verdict(e.slo.rawBytesPerSlo <= 30_000),
    ],
    [
      `scorecard evaluation, ${s.components.toLocaleString(
        'en-US',
      )} entities × ${s.checks} checks, first run`,
      `${s.firstRunSeconds.toFixed(1)} s`,
      '—',
      '—',
      '≤ 5 s',
      verdict(s.firstRunSeconds <= 5),
    ],
    [
      'scorecard evaluation, nothing changed',
      `${s.unchangedRunSeconds.toFixed(1)} s`,
      '—',
      '—',
      '≤ 1 s',
      verdict(s.unchangedRunSeconds <= 1),
    ],
  ];
  const table = [
    '| what | measured | reference (same run) | ratio | target | |',
    '|---|---|---|---|---|---|',
    ...rows.map(r => `| ${r.join(' | ')} |`),
  ].join('\n');
  const list = (ratios: number[]) =>
    ratios.map(r => `${r.toFixed(2)}×`).join(', ');
  return [
    `Measured ${new Date()
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ')} UTC with \`${command}\`,`,
    `scorecards on ${s.database} with ${s.catalog}; ${
      os.cpus().length
    } cores; load average (1, 5, 15 min)`,
    `${loads(loadBefore)} before and ${loads(
      loadAfter,
    )} after the run; ${failures} failed answers.`,
    '',
    table,
    '',
    `Entity-page rows: the median of ${e.rounds} alternating rounds of reference and summary;`,
    `the rounds' ratios were ${list(e.manyRatios)} (50 clients) and ${list(
      e.oneRatios,
    )} (one client).`,
  ].join('\n');
}

function writeFigures(database: string, section: string) {
  const file = path.resolve(__dirname, '../../docs/benchmarks.md');
  fs.writeFileSync(
    file,
    withFigures(fs.readFileSync(file, 'utf8'), database, section),
  );
  // The repository checks Markdown formatting; align the new table the same
  // way (prettier is the root workspace's own formatter).
  try {
    execFileSync('npx', ['prettier', '--write', file], { stdio: 'ignore' });
  } catch {
    process.stderr.write(
      `Could not run prettier on ${file}; run it before committing.\n`,
    );
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      components: { type: 'string', default: '10000' },
      large: { type: 'string', default: '1000' },
      'catalog-components': { type: 'string', default: '300' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '6' },
      rounds: { type: 'string', default: '3' },
      postgres: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      'test-catalog': { type: 'boolean', default: false },
    },
  });
  const loadBefore = os.loadavg();
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const s = await scorecards({
    components: Number(values.components),
    large: Number(values.large),
    clients,
    seconds,
    postgres: values.postgres,
    testCatalog: values['test-catalog'],
  });
  const e = await entityPages({
    components: Number(values['catalog-components']),
    clients,
    seconds,
    rounds: Number(values.rounds),
  });
  const loadAfter = os.loadavg();
  const command = ['npm run bench:reads', ...process.argv.slice(2)]
    .join(' ')
    .replace(/--postgres \S+/, '--postgres …');
  const section = report(s, e, loadBefore, loadAfter, command);
  process.stdout.write(`${section}\n`);
  if (!values['no-write']) {
    writeFigures(s.database, section);
  }
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
