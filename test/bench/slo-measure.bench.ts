/*
 * Benchmark (not a test): measures 1,000 OpenSLO SLOs of 200 entities on a
 * real Prometheus with the Prometheus module's `PrometheusSloSource`, once
 * with batching (the default) and once one SLO at a time (`batching: false`,
 * the baseline), and checks that both give the same numbers.
 *
 *   npm run bench:slo                      # 200 services, 1,000 SLOs
 *   npm run bench:slo -- --services 40     # quicker
 *   npm run bench:slo -- --skip-baseline   # batched run only
 *
 * Needs Debian's `prometheus` package (see test/prometheus/README.md). The
 * SLI history is generated and backfilled once and cached under
 * test/output/prometheus-bench-cache.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  parseOpenSloDocuments,
  type SloDefinition,
} from '@preflight/plugin-reliability-node';
import { type SloEventCounts } from '@preflight/plugin-reliability-common';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  type PrometheusClientStats,
  type PrometheusModuleConfig,
  PrometheusSloSource,
  type SloMeasurementReport,
} from '@preflight/plugin-reliability-backend-module-prometheus/src/workspaceInternals';
import {
  DAY_SECONDS,
  expectedRequestCounts,
  type PrometheusHarness,
  startPrometheusWithSliHistory,
} from '../prometheus';
import {
  sloBenchScenario,
  sloBenchServiceName,
} from '../prometheus/sloBenchScenario';
import { mib, trackPeakMemory } from './peakMemory';

// The harness prunes cache entries of other scenarios when it builds one;
// a cache of its own keeps this benchmark from deleting the blocks the
// Prometheus tests use (and the tests from deleting these).
process.env.PREFLIGHT_PROMETHEUS_CACHE_DIR ??= path.resolve(
  __dirname,
  '..',
  'output',
  'prometheus-bench-cache',
);

/** One SLO's result (the type lives in a package this one does not depend on). */
type SloMeasurement = SloMeasurementReport['measurements'][number];

const INSTANCE = 'bench';
const SLOS_PER_ENTITY = 5;
/** Every UNIQUE_EVERY-th entity has an SLO whose selector no other SLO shares. */
const UNIQUE_EVERY = 20;

/** An OpenSLO v1 SLO document with an inline ratio indicator. */
function sloDocument(options: {
  name: string;
  service: string;
  numerator: 'good' | 'bad';
  numeratorQuery: string;
  totalQuery: string;
  window: string;
  target: number;
}): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${options.name}
spec:
  service: ${options.service}
  indicator:
    metadata:
      name: ${options.name}-sli
    spec:
      ratioMetric:
        counter: true
        ${options.numerator}:
          metricSource:
            type: Prometheus
            spec:
              query: '${options.numeratorQuery}'
        total:
          metricSource:
            type: Prometheus
            spec:
              query: '${options.totalQuery}'
  timeWindow:
    - duration: ${options.window}
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: ${options.target}
`;
}

/**
 * The OpenSLO file of one entity: five SLOs. Availability over 30d and 28d,
 * a stricter 30d variant and a relaxed 28d variant share one shape across
 * all entities; a 7d success-ratio SLO has a second shape. Every 20th entity
 * replaces the relaxed variant with one that also counts its canary
 * (`service=~"x|x-canary"`), a shape of its own measured alone.
 */
function entitySloFile(index: number): string {
  const service = sloBenchServiceName(index);
  const bad = `http_requests_total{service="${service}",code=~"5.."}`;
  const total = `http_requests_total{service="${service}"}`;
  const availability = (name: string, window: string, target: number) =>
    sloDocument({
      name: `${service}-${name}`,
      service,
      numerator: 'bad',
      numeratorQuery: bad,
      totalQuery: total,
      window,
      target,
    });
  const canary = `${service}|${service}-canary`;
  const documents = [
    availability('availability-30d', '30d', 0.999),
    availability('availability-28d', '28d', 0.999),
    availability('availability-30d-strict', '30d', 0.9995),
    index % UNIQUE_EVERY === 0
      ? sloDocument({
          name: `${service}-availability-with-canary`,
          service,
          numerator: 'bad',
          numeratorQuery: `http_requests_total{service=~"${canary}",code=~"5.."}`,
          totalQuery: `http_requests_total{service=~"${canary}"}`,
          window: '30d',
          target: 0.999,
        })
      : availability('availability-28d-relaxed', '28d', 0.995),
    sloDocument({
      name: `${service}-success-7d`,
      service,
      numerator: 'good',
      numeratorQuery: `http_requests_total{service="${service}",code="200"}`,
      totalQuery: total,
      window: '7d',
      target: 0.99,
    }),
  ];
  return documents.join('---\n');
}

/** Parses every entity's SLO file, as the catalog processor would. */
function buildDefinitions(services: number): SloDefinition[] {
  const definitions: SloDefinition[] = [];
  for (let i = 0; i < services; i++) {
    const service = sloBenchServiceName(i);
    const result = parseOpenSloDocuments(entitySloFile(i), {
      entityRef: `component:default/${service}`,
      file: `${service}.yaml`,
    });
    if (
      result.problems.length > 0 ||
      result.definitions.length !== SLOS_PER_ENTITY
    ) {
      throw new Error(
        `SLOs of ${service}: ${
          result.definitions.length
        } parsed (${SLOS_PER_ENTITY} expected), problems ${JSON.stringify(
          result.problems,
        )}`,
      );
    }
    definitions.push(...result.definitions);
  }
  return definitions;
}

/** The running `prometheus` child of this process (the harness does not expose its pid). */
function prometheusPid(): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'prometheus' && ppid === process.pid) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}

/** `VmHWM` (peak RSS) and `VmRSS` of a process in bytes. */
function processMemory(pid: number): { peak: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) *
    1024;
  return { peak: kib('VmHWM'), rss: kib('VmRSS') };
}

/** Resets a process' peak RSS so each phase gets its own; false when the kernel refuses. */
function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

interface PhaseResult {
  report: SloMeasurementReport;
  client: PrometheusClientStats;
  wallMs: number;
  peakRss: number;
  peakHeap: number;
  rssBefore: number;
  prometheusPeak?: number;
  prometheusPeakIsPhaseOnly: boolean;
}

/** Measures every SLO with a fresh source (fresh client statistics). */
async function measurePhase(
  harness: PrometheusHarness,
  definitions: SloDefinition[],
  batching: boolean,
): Promise<PhaseResult> {
  const config: PrometheusModuleConfig = {
    instances: [
      {
        name: INSTANCE,
        baseUrl: harness.url,
        headers: {},
        timeoutMs: 30_000,
        maxConcurrency: 4,
        externalUrl: harness.url,
      },
    ],
    defaultInstance: INSTANCE,
  };
  const source = new PrometheusSloSource({
    config,
    now: () => harness.evaluationTime,
    plan: { batching },
  });
  const pid = prometheusPid();
  const prometheusPeakIsPhaseOnly = pid !== undefined && resetPeakRss(pid);
  const rssBefore = process.memoryUsage().rss;
  const memory = trackPeakMemory();
  const started = performance.now();
  const report = await source.measure(
    definitions.map(definition => ({ definition })),
    { at: harness.evaluationTime },
  );
  const wallMs = performance.now() - started;
  const { peakRss, peakHeap } = memory.stop();
  return {
    report,
    client: source.client(INSTANCE)!.stats(),
    wallMs,
    peakRss,
    peakHeap,
    rssBefore,
    prometheusPeak: pid === undefined ? undefined : processMemory(pid).peak,
    prometheusPeakIsPhaseOnly,
  };
}

/** Problems of one phase: SLOs with errors, or without a period count. */
function phaseProblems(report: SloMeasurementReport): string[] {
  return report.measurements.flatMap(m => [
    ...m.errors.map(e => `${m.ref}: ${e.message}`),
    ...(m.period ? [] : [`${m.ref}: no events over the SLO window`]),
  ]);
}

function sameCounts(
  a: SloEventCounts | null | undefined,
  b: SloEventCounts | null | undefined,
): boolean {
  if (!a || !b) return a === b;
  return a.good === b.good && a.total === b.total;
}

/** Differences between the batched and the per-SLO measurement of one SLO. */
function measurementDifferences(a: SloMeasurement, b: SloMeasurement) {
  const differences: string[] = [];
  if (!sameCounts(a.period, b.period)) {
    differences.push(
      `period ${JSON.stringify(a.period)} vs ${JSON.stringify(b.period)}`,
    );
  }
  const windows = new Set([
    ...Object.keys(a.windows),
    ...Object.keys(b.windows),
  ]);
  for (const id of windows) {
    const key = id as keyof SloMeasurement['windows'];
    if (!sameCounts(a.windows[key], b.windows[key])) {
      differences.push(`window ${id}`);
    }
  }
  if (JSON.stringify(a.burnDown) !== JSON.stringify(b.burnDown)) {
    differences.push('burn-down series');
  }
  return differences;
}

/**
 * Compares both runs for every `every`-th SLO and every unique-shape SLO,
 * and checks their batched period counts against the generator's ground
 * truth (`expectedRequestCounts`), which does not use Prometheus.
 */
function spotCheck(
  definitions: SloDefinition[],
  batched: SloMeasurementReport,
  unbatched: SloMeasurementReport | undefined,
  harness: PrometheusHarness,
  every: number,
) {
  const byRef = (report?: SloMeasurementReport) =>
    new Map(report?.measurements.map(m => [m.ref, m]));
  const batchedByRef = byRef(batched);
  const unbatchedByRef = byRef(unbatched);
  const failures: string[] = [];
  let compared = 0;
  let groundTruth = 0;
  batched.measurements.forEach((measurement, index) => {
    const definition = definitions[index];
    const unique = definition.id.endsWith('-with-canary');
    if (index % every !== 0 && !unique) return;
    if (unbatched) {
      compared += 1;
      const other = unbatchedByRef.get(measurement.ref)!;
      const differences = measurementDifferences(measurement, other);
      if (differences.length > 0) {
        failures.push(`${measurement.ref}: ${differences.join(', ')}`);
      }
    }
    // Every benchmark service has only code 200 and 500 series, and no
    // canary series exist, so each SLO's good events are its non-5xx requests.
    groundTruth += 1;
    const expected = expectedRequestCounts(
      harness.history,
      definition.service,
      definition.windowSeconds,
      harness.evaluationTimeSeconds,
    )!;
    const actual = batchedByRef.get(measurement.ref)!.period;
    const good = expected.total - expected.failed;
    if (actual?.good !== good || actual?.total !== expected.total) {
      failures.push(
        `${measurement.ref}: period ${JSON.stringify(
          actual,
        )}, generator says good ${good} of ${expected.total}`,
      );
    }
  });
  return { compared, groundTruth, failures };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

async function main() {
  const { values } = parseArgs({
    options: {
      services: { type: 'string', default: '200' },
      // 7 is prime to the 5 SLOs per entity, so the sample covers each kind.
      'spot-check-every': { type: 'string', default: '7' },
      'skip-baseline': { type: 'boolean', default: false },
    },
  });
  const services = Number(values.services);
  const every = Number(values['spot-check-every']);
  if (!Number.isInteger(services) || services < 1 || services > 1000) {
    throw new Error('--services must be an integer from 1 to 1000');
  }
  if (!Number.isInteger(every) || every < 1) {
    throw new Error('--spot-check-every must be a positive integer');
  }

  const startStarted = performance.now();
  const harness = await startPrometheusWithSliHistory({
    scenario: sloBenchScenario(services),
  });
  const startMs = performance.now() - startStarted;
  try {
    const definitions = buildDefinitions(services);
    const batched = await measurePhase(harness, definitions, true);
    const unbatched = values['skip-baseline']
      ? undefined
      : await measurePhase(harness, definitions, false);
    const problems = [
      ...phaseProblems(batched.report),
      ...(unbatched ? phaseProblems(unbatched.report) : []),
    ];
    const check = spotCheck(
      definitions,
      batched.report,
      unbatched?.report,
      harness,
      every,
    );

    const { timings, history } = harness;
    const samples = history.series.length * history.sampleCount;
    const prometheusMemory = (phase?: PhaseResult) => {
      if (phase?.prometheusPeak === undefined) return 'n/a';
      return `${mib(phase.prometheusPeak)}${
        phase.prometheusPeakIsPhaseOnly ? '' : ' (since start)'
      }`;
    };
    const rows: Array<[string, string]> = [
      ['entities / SLOs', `${services} / ${count(definitions.length)}`],
      [
        'history',
        `${history.series.length} series × ${count(
          history.sampleCount,
        )} samples (${count(samples)}), step ${history.stepSeconds} s, ${
          ((history.sampleCount - 1) * history.stepSeconds) / DAY_SECONDS
        } days`,
      ],
      [
        'harness start',
        timings.cacheHit
          ? `${seconds(startMs)} (cache hit: samples read in ${seconds(
              timings.loadMs,
            )}, server ready in ${seconds(timings.serverStartMs)})`
          : `${seconds(startMs)} (cold: generate ${seconds(
              timings.generateMs,
            )}, backfill ${seconds(
              timings.backfillMs,
            )}, server ready in ${seconds(timings.serverStartMs)})`,
      ],
      ['prometheus', harness.prometheusVersion],
      [
        'PromQL queries: batched',
        `${count(batched.report.stats.queries)} (HTTP requests ${count(
          batched.client.requests,
        )}, retries ${batched.client.retries}, failed ${
          batched.report.stats.failedQueries
        })`,
      ],
      [
        'PromQL queries: one SLO at a time',
        unbatched
          ? `${count(
              unbatched.report.stats.queries,
            )} issued (HTTP requests ${count(
              unbatched.client.requests,
            )}, retries ${unbatched.client.retries}, failed ${
              unbatched.report.stats.failedQueries
            }); planner's count ${count(batched.report.stats.unbatchedQueries)}`
          : `${count(
              batched.report.stats.unbatchedQueries,
            )} (planner's count; not run)`,
      ],
      [
        'wall time: batched / one at a time',
        `${seconds(batched.wallMs)} / ${
          unbatched ? seconds(unbatched.wallMs) : 'not run'
        }`,
      ],
      [
        'script RSS before → peak / heap peak: batched',
        `${mib(batched.rssBefore)} → ${mib(batched.peakRss)} / ${mib(
          batched.peakHeap,
        )}`,
      ],
      [
        'script RSS before → peak / heap peak: one at a time',
        unbatched
          ? `${mib(unbatched.rssBefore)} → ${mib(unbatched.peakRss)} / ${mib(
              unbatched.peakHeap,
            )}`
          : 'not run',
      ],
      [
        'Prometheus peak RSS (VmHWM): batched / one at a time',
        `${prometheusMemory(batched)} / ${prometheusMemory(unbatched)}`,
      ],
      ['max requests in flight', String(batched.client.peakConcurrency)],
      ['SLOs with errors or no data', String(problems.length)],
      [
        'spot check',
        `${check.compared} SLOs batched = one at a time, ${check.groundTruth} period counts = generator; ${check.failures.length} mismatches`,
      ],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(
      `SLO measurement of ${count(
        definitions.length,
      )} SLOs across ${services} entities on a real Prometheus\n`,
    );
    for (const [key, value] of rows) {
      process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
    }
    for (const line of [...problems, ...check.failures].slice(0, 20)) {
      process.stdout.write(`  ! ${line}\n`);
    }
    if (problems.length > 0 || check.failures.length > 0) {
      process.exitCode = 1;
    }
  } finally {
    await harness.stop();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
});
