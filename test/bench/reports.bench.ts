/*
 * Benchmark (not a test) of the reliability reports on 10,000 services with
 * a year of daily rows:
 *
 *   npm run bench:reports
 *   npm run bench:reports -- --components 2000 --seconds 2 --rounds 1   # quicker
 *   npm run bench:reports -- --postgres postgresql://postgres:postgres@127.0.0.1:5432
 *
 * The organisation report (last month, with its previous month and the
 * twelve-month trend, so thirteen months of rows), a group report (the
 * 1,000-component team with its two sub-teams) and that team's on-call
 * health card, each under `--clients` concurrent clients, in rounds that
 * alternate with a reference route measured in the same run
 * (`GET /review-templates`: authentication and routing, no data), so a
 * noisy machine shows as a ratio that holds.
 *
 * The backend is the real one (the harness of `benchBackend.ts`), its
 * catalog the in-memory one with by-ref reads from an index, as a real
 * catalog's are (`--test-catalog`: the test catalog that rebuilds its map
 * of every entity per read). The daily rows and the entity mapping are written through the
 * report store, as a report sync would leave them: folding a year of raw
 * incidents through the sync would only time the setup.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  DatabaseReportStore,
  histogramOf,
  type RotationDailyRow,
  type ServiceDailyRow,
} from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import { load, type LoadFigures } from './autocannonLoad';
import {
  EVALUATION_TASK_ID,
  openDatabase,
  seedObservations,
  startBenchBackend,
} from './benchBackend';
import { generateScorecardFleet } from './scorecardFleet';

const SOURCE_ID = 'pagerduty:default';
const TIME_ZONE = 'UTC';
const DAY_MS = 86_400_000;

/** Deterministic pseudo-random numbers in [0, 1). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/**
 * A year of daily rows: a service has incidents on about one day in ten,
 * one to three of them (sparse, as most services are quiet), and a change
 * on about one day in five; each team's rotation has a row every day.
 */
function dailyRows(options: {
  serviceIds: string[];
  rotationIds: string[];
  days: string[];
}) {
  const next = random(7);
  const serviceRows: ServiceDailyRow[] = [];
  const pagesByRotationDay = new Map<string, number>();
  options.serviceIds.forEach((serviceId, index) => {
    const rotationId = options.rotationIds[index % options.rotationIds.length];
    for (const day of options.days) {
      const incidents = next() < 0.1 ? 1 + Math.floor(next() * 3) : 0;
      const changes = next() < 0.2 ? 1 : 0;
      if (incidents === 0 && changes === 0) continue;
      const high =
        Math.min(incidents, Math.floor(next() * 2) + 1) % (incidents + 1);
      const ackMs = Array.from(
        { length: incidents },
        () => 60_000 + next() * 1_800_000,
      );
      const resolveMs = ackMs.map(ack => ack + next() * 7_200_000);
      serviceRows.push({
        serviceId,
        day,
        timeZone: TIME_ZONE,
        high,
        low: incidents - high,
        ack: {
          count: incidents,
          sumMs: Math.round(ackMs.reduce((a, b) => a + b, 0)),
          histogram: histogramOf(ackMs),
        },
        unacknowledged: 0,
        resolve: {
          count: incidents,
          sumMs: Math.round(resolveMs.reduce((a, b) => a + b, 0)),
          histogram: histogramOf(resolveMs),
        },
        unresolved: 0,
        openAtDayEnd: 0,
        longest:
          incidents > 0
            ? {
                incidentId: `${serviceId}-${day}`,
                durationMs: Math.round(Math.max(...resolveMs)),
              }
            : null,
        noise: incidents > 0 && next() < 0.2 ? 1 : 0,
        changes,
        failedChanges: changes > 0 && high > 0 && next() < 0.3 ? 1 : 0,
      });
      const key = `${rotationId}\u0000${day}`;
      pagesByRotationDay.set(key, (pagesByRotationDay.get(key) ?? 0) + high);
    }
  });
  const rotationRows: RotationDailyRow[] = options.rotationIds.flatMap(
    rotationId =>
      options.days.map(day => {
        const pages = pagesByRotationDay.get(`${rotationId}\u0000${day}`) ?? 0;
        const person = `${rotationId}-p${day.charCodeAt(9) % 3}`;
        return {
          rotationId,
          day,
          timeZone: TIME_ZONE,
          shifts: 1,
          pages,
          offHoursPages: Math.floor(pages / 3),
          sleepHoursPages: Math.floor(pages / 6),
          people: [
            {
              personId: person,
              shifts: 1,
              onCallMs: DAY_MS,
              pages,
              offHoursPages: Math.floor(pages / 3),
              sleepHoursPages: Math.floor(pages / 6),
            },
          ],
        };
      }),
  );
  return { serviceRows, rotationRows };
}

function lastYearDays(now: Date): string[] {
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  return Array.from({ length: 365 }, (_, i) =>
    new Date(today - (365 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

function lastMonth(now: Date): string {
  const first = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
  );
  return first.toISOString().slice(0, 7);
}

/** The routes as docs/benchmarks.md names them. */
function routeLabel(name: string, components: number): string {
  const team = Math.min(1000, components).toLocaleString('en-US');
  const labels: Record<string, string> = {
    organization: `organisation report, ${components.toLocaleString(
      'en-US',
    )} services`,
    organizationRevalidated: 'organisation report, revalidated (304)',
    group: `group report, ${team} services`,
    onCallHealth: `on-call health, ${team} services, 28 days`,
  };
  return labels[name] ?? name;
}

/** The run as the rows of the table in docs/benchmarks.md. */
function markdownTable(figures: {
  database: string;
  components: number;
  loadBefore: number[];
  loadAfter: number[];
  firstAnswers: Record<string, unknown>;
  routes: Record<
    string,
    {
      p50Ms: number;
      p99Ms: number;
      requestsPerSecond: number;
      bytesPerResponse: number;
      failures: number;
      p99Ratio: number;
      roundsP99Ms: Array<{ subject: number; reference: number }>;
    }
  >;
}): string {
  const lines = [
    `${figures.database}, load average ${figures.loadBefore.join(
      ' / ',
    )} before and ${figures.loadAfter.join(' / ')} after:`,
    '',
    '| route (20 connections) | first answer | p50 / p99 | req/s | bytes | rounds, p99 subject / reference | p99 ÷ reference p99 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [name, route] of Object.entries(figures.routes)) {
    const first = (figures.firstAnswers[name] as { firstMs?: number })?.firstMs;
    lines.push(
      `| ${routeLabel(name, figures.components)} | ${
        first === undefined ? '—' : `${(first / 1000).toFixed(2)} s`
      } | ${route.p50Ms} / ${route.p99Ms} ms | ${route.requestsPerSecond} | ${
        route.bytesPerResponse
      } | ${route.roundsP99Ms
        .map(r => `${r.subject} / ${r.reference}`)
        .join(', ')} ms | ${route.p99Ratio} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      components: { type: 'string', default: '10000' },
      clients: { type: 'string', default: '20' },
      seconds: { type: 'string', default: '6' },
      rounds: { type: 'string', default: '3' },
      postgres: { type: 'string' },
      'test-catalog': { type: 'boolean', default: false },
    },
  });
  const components = Number(values.components);
  const clients = Number(values.clients);
  const seconds = Number(values.seconds);
  const now = new Date();
  const loadBefore = os.loadavg().map(l => +l.toFixed(2));

  const fleet = generateScorecardFleet({
    components,
    largeTeamComponents: Math.min(1000, components),
    teams: 60,
    now,
  });
  const db = await openDatabase(values.postgres);
  const tasks = new Map<string, SchedulerServiceTaskFunction>();
  const backend = await startBenchBackend({
    entities: fleet.entities,
    knex: db.knex,
    tasks,
    reliability: { reports: { timeZone: TIME_ZONE } },
    indexedCatalog: !values['test-catalog'],
  });
  try {
    await seedObservations(db.knex, fleet, now);
    // The backend above migrated this database.
    const reportStore = new DatabaseReportStore(db.knex);
    const days = lastYearDays(now);
    const seedStarted = performance.now();
    const rows = dailyRows({
      serviceIds: fleet.services.map(s => s.id),
      rotationIds: fleet.policies.map(p => p.id),
      days,
    });
    await reportStore.replaceDailyRows({
      sourceId: SOURCE_ID,
      timeZone: TIME_ZONE,
      fromDay: days[0],
      toDay: days[days.length - 1],
      ...rows,
    });
    await reportStore.replaceReportEntities(
      SOURCE_ID,
      fleet.services.map((service, index) => ({
        entityRef: fleet.componentRefs[index],
        sourceId: SOURCE_ID,
        serviceId: service.id,
        ownerRef: `group:default/${service.teams?.[0]?.name}`,
        title: service.name,
      })),
    );
    await reportStore.recordReportSync({
      sourceId: SOURCE_ID,
      historyStartMs: Date.parse(`${days[0]}T00:00:00Z`),
      syncedUntilMs: now.getTime(),
      syncedAt: now,
      warnings: [],
    });
    const seedSeconds = +((performance.now() - seedStarted) / 1000).toFixed(1);
    // The group report reads the stored group ancestry: one evaluation.
    await tasks.get(EVALUATION_TASK_ID)?.(new AbortController().signal);

    const { port } = backend.server.address() as { port: number };
    const baseUrl = `http://127.0.0.1:${port}`;
    const month = lastMonth(now);
    const routes: Record<
      string,
      { path: string; headers?: Record<string, string> }
    > = {
      organization: {
        path: `/api/reliability/reports/organization?month=${month}`,
      },
      group: {
        path: `/api/reliability/reports/groups/default/team-large?month=${month}`,
      },
      onCallHealth: {
        path: '/api/reliability/groups/default/team-large/on-call-health',
      },
    };
    const reference = '/api/reliability/review-templates';
    const checks: Record<string, unknown> = {};
    for (const [name, { path: route }] of Object.entries(routes)) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}${route}`, {
        headers: { connection: 'close' },
      });
      const body = await res.json();
      if (!res.ok) {
        throw new Error(
          `${route} answered ${res.status}: ${JSON.stringify(body).slice(
            0,
            300,
          )}`,
        );
      }
      checks[name] = {
        firstMs: Math.round(performance.now() - started),
        services: body.scope?.serviceCount ?? body.services?.length,
        incidents: body.incidents?.total,
      };
      if (name === 'organization') {
        // A page revisited before the next sync revalidates its answer.
        routes.organizationRevalidated = {
          path: route,
          headers: { 'if-none-match': res.headers.get('etag') ?? '' },
        };
      }
    }

    const results: Record<
      string,
      Array<{ subject: LoadFigures; reference: LoadFigures }>
    > = {};
    for (const [name, route] of Object.entries(routes)) {
      results[name] = [];
      for (let round = 0; round < Number(values.rounds); round += 1) {
        const ref = await load({
          baseUrl,
          paths: [reference],
          connections: clients,
          seconds,
        });
        const subject = await load({
          baseUrl,
          paths: [route.path],
          headers: route.headers,
          connections: clients,
          seconds,
        });
        results[name].push({ subject, reference: ref });
      }
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([name, rounds]) => {
        // The round with the median subject p99 is reported.
        const median = [...rounds].sort(
          (a, b) => a.subject.p99Ms - b.subject.p99Ms,
        )[Math.floor(rounds.length / 2)];
        return [
          name,
          {
            p50Ms: median.subject.p50Ms,
            p99Ms: median.subject.p99Ms,
            requestsPerSecond: median.subject.requestsPerSecond,
            bytesPerResponse: median.subject.bytesPerResponse,
            failures: rounds.reduce((n, r) => n + r.subject.failures, 0),
            referenceP50Ms: median.reference.p50Ms,
            referenceP99Ms: median.reference.p99Ms,
            p99Ratio: +(
              median.subject.p99Ms / Math.max(1, median.reference.p99Ms)
            ).toFixed(2),
            roundsP99Ms: rounds.map(r => ({
              subject: r.subject.p99Ms,
              reference: r.reference.p99Ms,
            })),
          },
        ];
      }),
    );
    const figures = {
      database: db.label,
      loadBefore,
      loadAfter: os.loadavg().map(l => +l.toFixed(2)),
      components,
      serviceDailyRows: rows.serviceRows.length,
      rotationDailyRows: rows.rotationRows.length,
      seedSeconds,
      clients,
      seconds,
      month,
      firstAnswers: checks,
      routes: summary,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    process.stdout.write(`\n${markdownTable(figures)}\n`);
  } finally {
    await backend.stop();
    await db.drop();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n${error?.cause ?? ''}\n`);
  process.exit(1);
});
