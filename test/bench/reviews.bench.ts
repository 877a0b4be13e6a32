/*
 * Benchmark (not a test) of readiness reviews on a fleet of 10,000
 * components with 2,000 reviews:
 *
 *  1. the review board's first page (`GET /reviews`) under 50 concurrent
 *     clients, p50/p99, next to a reference route measured in the same run
 *     (`GET /review-templates`: authentication and routing, no data), so a
 *     noisy machine shows as a ratio that holds;
 *  2. drift detection over the 2,000 approved reviews: a steady run (nothing
 *     changed) and a run in which a bound check fails for every one of them.
 *
 *   npm run bench:reviews
 *   npm run bench:reviews -- --reviews 500 --seconds 2 --rounds 1
 *   npm run bench:reviews -- --postgres postgresql://postgres:postgres@127.0.0.1:5432
 *
 * The backend is the real one (reliability plugin and source modules pointed
 * at closed ports), with Backstage's in-memory catalog. Scorecards come from
 * the plugin's own evaluation task; the reviews are written through the
 * review store as approved reviews with every answer and sign-off, since
 * walking 2,000 reviews through the HTTP API would only time the setup.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  ReviewListResponse,
  ReviewTemplate,
  ReviewTemplatesResponse,
} from '@preflight/plugin-reliability-common';
// eslint-disable-next-line @backstage/no-forbidden-package-imports -- workspace-only internals, not the published API
import {
  DatabaseReviewStore,
  DatabaseScorecardStore,
  ReviewDriftDetector,
  type StoredReview,
} from '@preflight/plugin-reliability-backend/src/workspaceInternals';
import { load, type LoadFigures } from './autocannonLoad';
import {
  EVALUATION_TASK_ID,
  openDatabase,
  seedObservations,
  startBenchBackend,
} from './benchBackend';
import { generateScorecardFleet } from './scorecardFleet';

/** A template like the demo's: five sections of checks and questions. */
const TEMPLATE = {
  id: 'production-readiness',
  title: 'Production readiness review',
  appliesTo: { kinds: ['component'] },
  stages: ['beta', 'ga'],
  sections: [
    {
      id: 'oncall',
      title: 'Ownership and on-call',
      reviewerGroups: ['group:default/sre'],
      items: [
        { id: 'owner', check: 'owner-set' },
        { id: 'pagerduty', check: 'pagerduty-service-linked' },
        {
          id: 'escalation-tested',
          question: 'Escalation tested?',
          reaffirmEvery: '90d',
        },
      ],
    },
    {
      id: 'slos',
      title: 'SLOs and alerting',
      reviewerGroups: ['group:default/sre'],
      items: [
        { id: 'slo-defined', check: 'slo-defined' },
        {
          id: 'dashboards',
          question: 'Dashboards linked?',
          evidence: 'required',
        },
      ],
    },
    {
      id: 'security',
      title: 'Security',
      reviewerGroups: ['group:default/security'],
      items: [{ id: 'threat-model', question: 'Threat model current?' }],
    },
  ],
};

/** An approved review of `entityRef`: every question answered, every section signed. */
function approvedReview(
  template: ReviewTemplate,
  entityRef: string,
  index: number,
  now: Date,
): StoredReview {
  const at = now.toISOString();
  const items = template.sections.flatMap(s => s.items);
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    entityRef,
    stage: 'ga',
    templateId: template.id,
    templateVersion: template.version,
    state: 'approved',
    dri: 'user:default/owner',
    targetDate: null,
    tier: null,
    ownerRef: null,
    entityTitle: null,
    version: 1,
    createdAt: at,
    updatedAt: at,
    body: {
      template,
      currentTier: null,
      answers: Object.fromEntries(
        items
          .filter(item => item.kind === 'attestation')
          .map(item => [
            item.id,
            {
              value: 'yes' as const,
              evidence: [{ url: `https://wiki.example.com/${item.id}` }],
              answeredBy: 'user:default/owner',
              answeredAt: at,
              expiresAt: item.reaffirmEveryDays
                ? new Date(
                    now.getTime() + item.reaffirmEveryDays * 86_400_000,
                  ).toISOString()
                : null,
            },
          ]),
      ),
      waivers: {},
      signoffs: Object.fromEntries(
        template.sections.map(section => [
          section.id,
          {
            by: 'user:default/reviewer',
            at,
            itemIds: section.items.map(i => i.id),
          },
        ]),
      ),
      snapshots: {},
      drift: [],
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      components: { type: 'string', default: '10000' },
      reviews: { type: 'string', default: '2000' },
      clients: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '6' },
      rounds: { type: 'string', default: '3' },
      postgres: { type: 'string' },
    },
  });
  const components = Number(values.components);
  const reviewCount = Number(values.reviews);
  const clients = Number(values.clients);
  const now = new Date();

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
    reliability: { reviews: { templates: [TEMPLATE] } },
  });
  try {
    await seedObservations(db.knex, fleet, now);
    const evaluate = tasks.get(EVALUATION_TASK_ID);
    if (!evaluate) {
      throw new Error(`the plugin scheduled no ${EVALUATION_TASK_ID} task`);
    }
    // Scorecards (and the drift detection that follows each evaluation).
    await evaluate(new AbortController().signal);

    const { port } = backend.server.address() as { port: number };
    const api = `http://127.0.0.1:${port}/api/reliability`;
    const { templates } = (await (
      await fetch(`${api}/review-templates`, {
        headers: { connection: 'close' },
      })
    ).json()) as ReviewTemplatesResponse;
    // The backend above migrated this database.
    const reviewStore = new DatabaseReviewStore(db.knex);
    const scorecardStore = await DatabaseScorecardStore.create(db.knex);
    const componentRefs = fleet.entities
      .filter(e => e.kind === 'Component')
      .map(e => `component:default/${e.metadata.name}`)
      .slice(0, reviewCount);
    for (const [index, entityRef] of componentRefs.entries()) {
      await reviewStore.createReview(
        approvedReview(templates[0], entityRef, index + 1, now),
        {
          at: now.toISOString(),
          actor: 'user:default/owner',
          action: 'created',
        },
      );
    }

    // 1. The board's first page, and the reference route, in alternating
    // rounds: the machine's noise then hits both alike.
    const boardPath = '/api/reliability/reviews?page=1&pageSize=50';
    const warm = (await (
      await fetch(`http://127.0.0.1:${port}${boardPath}`, {
        headers: { connection: 'close' },
      })
    ).json()) as ReviewListResponse;
    const rounds: Array<{ board: LoadFigures; reference: LoadFigures }> = [];
    for (let round = 0; round < Number(values.rounds); round += 1) {
      const reference = await load({
        baseUrl: `http://127.0.0.1:${port}`,
        paths: ['/api/reliability/review-templates'],
        connections: clients,
        seconds: Number(values.seconds),
      });
      const board = await load({
        baseUrl: `http://127.0.0.1:${port}`,
        paths: [boardPath],
        connections: clients,
        seconds: Number(values.seconds),
      });
      rounds.push({ board, reference });
    }
    // The round with the median board p99 is reported; every round's p99s are listed.
    const median = [...rounds].sort((a, b) => a.board.p99Ms - b.board.p99Ms)[
      Math.floor(rounds.length / 2)
    ];

    // 2. Drift detection: steady, then every bound check failing.
    const detector = new ReviewDriftDetector({
      reviewStore,
      scorecardStore,
      templates,
      logger: mockServices.rootLogger({ level: 'warn' }),
    });
    // The first run records each entity's owner, title and tier on the
    // reviews written above (as it would after their creation); the next one
    // is the steady state of every later evaluation.
    await detector.run();
    const steady = await detector.run();
    const stored = await scorecardStore.getScorecards(componentRefs);
    await scorecardStore.writeScorecards(
      [...stored.values()].map(s => ({
        ...s,
        fingerprint: `${s.fingerprint}-drift`,
        scorecard: {
          ...s.scorecard,
          checks: s.scorecard.checks.map(c =>
            c.checkId === 'owner-set'
              ? { ...c, state: 'fail' as const, passing: false }
              : c,
          ),
        },
      })),
      now,
    );
    const drifting = await detector.run();

    const figures = {
      database: db.label,
      load: os.loadavg().map(l => +l.toFixed(2)),
      components,
      reviews: warm.total,
      clients,
      boardItems: warm.items.length,
      boardFailures: rounds.reduce((n, r) => n + r.board.failures, 0),
      boardP50Ms: median.board.p50Ms,
      boardP99Ms: median.board.p99Ms,
      boardRequestsPerSecond: median.board.requestsPerSecond,
      boardBytesPerResponse: median.board.bytesPerResponse,
      referenceP50Ms: median.reference.p50Ms,
      referenceP99Ms: median.reference.p99Ms,
      boardToReferenceP99: +(
        median.board.p99Ms / median.reference.p99Ms
      ).toFixed(2),
      roundsP99Ms: rounds.map(r => ({
        board: r.board.p99Ms,
        reference: r.reference.p99Ms,
      })),
      driftSteady: steady,
      driftAllDrifting: drifting,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await backend.stop();
    await db.drop();
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n${error?.cause ?? ''}\n`);
  process.exit(1);
});
