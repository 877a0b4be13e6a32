import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityScorecardResponse,
  GroupScorecardResponse,
  RubricPreviewResponse,
  ScorecardOverviewResponse,
} from '@preflight/plugin-reliability-common';
import request from 'supertest';
import {
  scorecardAncestry,
  scorecardFleet,
  scorecardGroups,
  storedScorecard,
  testRubric,
} from '../__testUtils__/scorecardFixtures';
import {
  ScorecardTestBackend,
  startScorecardTestBackend,
} from '../__testUtils__/startScorecardTestBackend';

jest.setTimeout(60_000);

function entity(kind: string, name: string, spec: object = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec,
  };
}

const entities = [
  ...[
    'checkout-api',
    'ledger-service',
    'fraud-detector',
    'fraud-api',
    'search-api',
    'new-service',
  ].map(name => entity('Component', name, { type: 'service' })),
  entity('User', 'dana'),
  entity('Group', 'team-payments'),
  entity('Group', 'team-fraud'),
  entity('Group', 'team-search'),
  entity('Group', 'team-new'),
];

const api = (p: string) => `/api/reliability${p}`;
const now = new Date('2026-11-21T12:00:00.000Z');

describe('scorecard routes', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function start(databaseId: Parameters<typeof databases.init>[0]) {
    const backend = await startScorecardTestBackend({
      knex: await databases.init(databaseId),
      entities,
      rubric: testRubric,
      now: () => now,
    });
    const { store } = backend;
    await store.replaceGroupAncestry(scorecardAncestry);
    // The day before, fraud-api had no exemption yet: bronze.
    const yesterday = scorecardFleet().map(s =>
      s.row.entityRef === 'component:default/fraud-api'
        ? storedScorecard({
            entityRef: s.row.entityRef,
            ownerRef: s.row.ownerRef,
            levelId: 'bronze',
            checks: Object.fromEntries(
              s.scorecard.checks.map(c => [c.checkId, c.state]),
            ),
          })
        : s,
    );
    // As an evaluation run does: results, then the day's snapshot and counts.
    const retainFrom = new Date('2026-08-01T00:00:00Z');
    await store.writeScorecards(yesterday, new Date('2026-11-20T09:00:00Z'));
    await store.recordDailySnapshots(
      new Date('2026-11-20T09:00:00Z'),
      retainFrom,
    );
    await store.writeScorecards(
      scorecardFleet(),
      new Date('2026-11-21T09:00:00Z'),
    );
    await store.recordDailySnapshots(
      new Date('2026-11-21T09:00:00Z'),
      retainFrom,
    );
    await store.recordEvaluationRun({
      completedAt: new Date('2026-11-21T09:00:05Z'),
      evaluated: 5,
      unchanged: 0,
      removed: 0,
      durationMs: 5000,
    });
    return backend;
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let backend: ScorecardTestBackend;
    beforeAll(async () => {
      backend = await start(databaseId);
    });
    afterAll(() => backend.stop());

    it('aggregates a team with its sub-groups: rows, distribution and trend', async () => {
      const res = await request(backend.server).get(
        api('/groups/default/team-payments/scorecards?sort=entity'),
      );
      expect(res.status).toBe(200);
      const body: GroupScorecardResponse = res.body;
      expect(body.groupRef).toBe(scorecardGroups.payments);
      expect(body.groupRefs).toEqual([
        scorecardGroups.fraud,
        scorecardGroups.payments,
      ]);
      expect(
        body.rows.map(r => [r.entityRef, r.ownerRef, r.levelId, r.score]),
      ).toEqual([
        [
          'component:default/checkout-api',
          scorecardGroups.payments,
          'silver',
          67,
        ],
        ['component:default/fraud-api', scorecardGroups.fraud, 'silver', 67],
        ['component:default/fraud-detector', scorecardGroups.fraud, null, 17],
        [
          'component:default/ledger-service',
          scorecardGroups.payments,
          'bronze',
          60,
        ],
      ]);
      expect(body.distribution).toEqual({
        none: 1,
        bronze: 1,
        silver: 2,
        gold: 0,
      });
      expect(body.trend).toEqual([
        {
          day: '2026-11-20',
          counts: { none: 1, bronze: 2, silver: 1, gold: 0 },
        },
        {
          day: '2026-11-21',
          counts: { none: 1, bronze: 1, silver: 2, gold: 0 },
        },
      ]);
      expect(body.historySince).toBe('2026-11-20');
      expect(body).toMatchObject({
        total: 4,
        entities: 4,
        averageScore: 52.8,
        staleEntities: 0,
        facets: {
          ownerRefs: [scorecardGroups.fraud, scorecardGroups.payments],
          tiers: [],
          lifecycles: [],
        },
      });
      expect(body.lastEvaluatedAt).toBe('2026-11-21T09:00:05.000Z');
      expect(body.rubric.levels.map(l => l.id)).toEqual([
        'bronze',
        'silver',
        'gold',
      ]);

      const sub = await request(backend.server).get(
        api('/groups/default/team-fraud/scorecards?sort=entity'),
      );
      expect(
        sub.body.rows.map((r: { entityRef: string }) => r.entityRef),
      ).toEqual([
        'component:default/fraud-api',
        'component:default/fraud-detector',
      ]);
    });

    it('sorts, filters and pages the team in the query', async () => {
      const page = async (query: string) => {
        const res = await request(backend.server).get(
          api(`/groups/default/team-payments/scorecards?${query}`),
        );
        expect(res.status).toBe(200);
        const body: GroupScorecardResponse = res.body;
        return {
          total: body.total,
          names: body.rows.map(r => r.entityRef.split('/')[1]),
          entities: body.entities,
        };
      };
      // Worst first by default; ties by name; pages never overlap.
      expect(await page('limit=2')).toEqual({
        total: 4,
        names: ['fraud-detector', 'ledger-service'],
        entities: 4,
      });
      expect(await page('limit=2&offset=2')).toEqual({
        total: 4,
        names: ['checkout-api', 'fraud-api'],
        entities: 4,
      });
      expect((await page('sort=score&direction=desc')).names).toEqual([
        'checkout-api',
        'fraud-api',
        'ledger-service',
        'fraud-detector',
      ]);
      expect((await page('sort=level&direction=desc')).names).toEqual([
        'checkout-api',
        'fraud-api',
        'ledger-service',
        'fraud-detector',
      ]);
      expect(await page('search=FRAUD&sort=entity')).toMatchObject({
        total: 2,
        names: ['fraud-api', 'fraud-detector'],
      });
      expect((await page('level=none')).names).toEqual(['fraud-detector']);
      expect((await page('level=silver&failing=true')).names).toEqual([
        'checkout-api',
        'fraud-api',
      ]);
      expect(
        (await page(`owner=${encodeURIComponent(scorecardGroups.payments)}`))
          .names,
      ).toEqual(['ledger-service', 'checkout-api']);
      // A wildcard in the search is text, not a pattern.
      expect(await page('search=%25')).toMatchObject({ total: 0, names: [] });
      // One check: fails and errors count, fraud-api's exempt failure not.
      expect(await page('check=slo-defined&sort=entity')).toMatchObject({
        total: 2,
        names: ['fraud-detector', 'ledger-service'],
      });
      expect(
        (await page('check=escalation-policy-levels&sort=entity')).names,
      ).toEqual(['fraud-detector', 'ledger-service']);
      expect(
        await page(
          `check=techdocs-annotation&owner=${encodeURIComponent(
            scorecardGroups.fraud,
          )}&sort=entity`,
        ),
      ).toMatchObject({ total: 2, names: ['fraud-api', 'fraud-detector'] });
      expect(await page('check=no-such-check')).toMatchObject({
        total: 0,
        names: [],
      });

      for (const [query, field] of [
        ['limit=101', 'limit'],
        ['sort=colour', 'sort'],
        ['direction=up', 'direction'],
        ['failing=yes', 'failing'],
        [`check=${'x'.repeat(201)}`, 'check'],
      ]) {
        const bad = await request(backend.server).get(
          api(`/groups/default/team-payments/scorecards?${query}`),
        );
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(new RegExp(`^${field}:`));
      }
    });

    it('answers 304 while the data is unchanged and a fresh page after a write', async () => {
      const path = api('/groups/default/team-fraud/scorecards?sort=entity');
      const first = await request(backend.server).get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.etag;
      expect(etag).toMatch(/^"\d+-2026-11-21-/);
      const again = await request(backend.server)
        .get(path)
        .set('If-None-Match', etag);
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      // Another query is another ETag.
      const other = await request(backend.server)
        .get(api('/groups/default/team-fraud/scorecards?sort=score'))
        .set('If-None-Match', etag);
      expect(other.status).toBe(200);

      // fraud-detector reaches bronze.
      await backend.store.writeScorecards(
        [
          storedScorecard({
            entityRef: 'component:default/fraud-detector',
            ownerRef: scorecardGroups.fraud,
            levelId: 'bronze',
            checks: { 'owner-set': 'pass', 'runbook-linked': 'pass' },
          }),
        ],
        new Date('2026-11-21T11:00:00Z'),
      );
      const changed = await request(backend.server)
        .get(path)
        .set('If-None-Match', etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(
        changed.body.rows.map((r: { levelId: string | null }) => r.levelId),
      ).toEqual(['silver', 'bronze']);
      expect(changed.body.distribution).toMatchObject({ none: 0, bronze: 1 });

      // Back as the other tests expect it.
      await backend.store.writeScorecards(
        scorecardFleet().filter(
          s => s.row.entityRef === 'component:default/fraud-detector',
        ),
        new Date('2026-11-21T11:30:00Z'),
      );
    });

    it('exports every matching row as CSV, naming the failing checks', async () => {
      const res = await request(backend.server).get(
        api(
          '/groups/default/team-payments/scorecards/export?sort=entity&limit=1',
        ),
      );
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="team-payments-scorecards.csv"',
      );
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toMatch(/^Entity,Title,Kind,Owner,/);
      expect(lines[0]).toContain('Failing check names');
      // Paging does not apply: every row is exported.
      expect(lines.slice(1).map(l => l.split(',')[0])).toEqual([
        'component:default/checkout-api',
        'component:default/fraud-api',
        'component:default/fraud-detector',
        'component:default/ledger-service',
      ]);
      expect(lines[1]).toContain(',SLOs met; TechDocs,');
      // An exempt failure is accepted, not listed.
      expect(lines[2]).toContain(',SLOs met; TechDocs,');
    });

    it('answers groups outside the stored hierarchy from the catalog', async () => {
      const fresh = await request(backend.server).get(
        api('/groups/default/team-new/scorecards'),
      );
      expect(fresh.status).toBe(200);
      expect(fresh.body).toMatchObject({
        groupRefs: ['group:default/team-new'],
        rows: [],
        trend: [],
      });
      const missing = await request(backend.server).get(
        api('/groups/default/team-ghosts/scorecards'),
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.message).toContain('group:default/team-ghosts');
      const bad = await request(backend.server).get(
        api(`/groups/default/${'x'.repeat(64)}/scorecards`),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('name');
    });

    it('ranks teams, counts levels and finds the checks failing most', async () => {
      const res = await request(backend.server).get(
        api('/scorecards/overview'),
      );
      expect(res.status).toBe(200);
      const body: ScorecardOverviewResponse = res.body;
      expect(body.totalEntities).toBe(5);
      expect(body.distribution).toEqual({
        none: 1,
        bronze: 1,
        silver: 2,
        gold: 1,
      });
      expect(
        body.teams.map(t => [t.rank, t.groupRef, t.entities, t.averageScore]),
      ).toEqual([
        // Each entity counts once, for the team owning it directly: the
        // teams add up to the 5 entities (team-fraud's two are not counted
        // again for team-payments).
        [1, scorecardGroups.search, 1, 100],
        [2, scorecardGroups.payments, 2, 63.5],
        [3, scorecardGroups.fraud, 2, 42],
      ]);
      // team-payments with its sub-team team-fraud, as a department.
      expect(
        body.departments.map(d => [
          d.groupRef,
          d.entities,
          d.averageScore,
          d.includesSubTeams,
        ]),
      ).toEqual([[scorecardGroups.payments, 4, 52.8, true]]);
      expect(
        body.failingChecks.map(c => [
          c.checkId,
          c.failing,
          c.errors,
          c.applicable,
        ]),
      ).toEqual([
        ['slo-met', 3, 0, 4],
        ['techdocs-annotation', 3, 0, 5],
        // fraud-api's exempt failure is not counted
        ['slo-defined', 2, 0, 5],
        ['escalation-policy-levels', 1, 1, 5],
        ['runbook-linked', 1, 0, 5],
      ]);
      // Each check names the teams it fails for, to drill down into.
      expect(
        Object.fromEntries(
          body.failingChecks.map(c => [
            c.checkId,
            c.teams.map(t => [t.groupRef, t.failing, t.errors]),
          ]),
        ),
      ).toEqual({
        'slo-met': [
          [scorecardGroups.fraud, 2, 0],
          [scorecardGroups.payments, 1, 0],
        ],
        'techdocs-annotation': [
          [scorecardGroups.fraud, 2, 0],
          [scorecardGroups.payments, 1, 0],
        ],
        'slo-defined': [
          [scorecardGroups.fraud, 1, 0],
          [scorecardGroups.payments, 1, 0],
        ],
        'escalation-policy-levels': [
          [scorecardGroups.fraud, 1, 0],
          [scorecardGroups.payments, 0, 1],
        ],
        'runbook-linked': [[scorecardGroups.fraud, 1, 0]],
      });
      expect(body.failingChecks[1]).toMatchObject({
        title: 'TechDocs',
        category: 'documentation',
        levelId: null,
      });
      expect(
        body.trend.map(p => [p.day, p.counts.bronze, p.counts.silver]),
      ).toEqual([
        ['2026-11-20', 2, 1],
        ['2026-11-21', 1, 2],
      ]);
    });

    it('previews adding a check to silver from the stored check states', async () => {
      const res = await request(backend.server)
        .post(api('/scorecards/preview'))
        .send({
          changes: [
            { op: 'add', checkId: 'techdocs-annotation', levelId: 'silver' },
          ],
        });
      expect(res.status).toBe(200);
      const body: RubricPreviewResponse = res.body;
      expect(body.summary).toBe(
        'Adding “TechDocs” to Silver drops 2 of 5 entities below Silver; none rises.',
      );
      expect(body.droppedCount).toBe(2);
      expect(body.raisedCount).toBe(0);
      expect(body.before).toEqual({ none: 1, bronze: 1, silver: 2, gold: 1 });
      expect(body.after).toEqual({ none: 1, bronze: 3, silver: 0, gold: 1 });
      expect(body.moves).toEqual([
        {
          entityRef: 'component:default/checkout-api',
          ownerRef: scorecardGroups.payments,
          from: 'silver',
          to: 'bronze',
        },
        {
          entityRef: 'component:default/fraud-api',
          ownerRef: scorecardGroups.fraud,
          from: 'silver',
          to: 'bronze',
        },
      ]);

      const removal = await request(backend.server)
        .post(api('/scorecards/preview'))
        .send({
          changes: [
            { op: 'remove', checkId: 'runbook-linked', levelId: 'bronze' },
          ],
        });
      expect(removal.body.summary).toBe(
        'Removing “Runbook linked” from Bronze drops 0 of 5 entities a level or more; 1 entity rises a level or more.',
      );
      expect(removal.body.moves).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/fraud-detector',
          from: null,
          to: 'bronze',
        }),
      ]);
    });

    it('rejects invalid previews naming the field', async () => {
      const post = (body: unknown) =>
        request(backend.server)
          .post(api('/scorecards/preview'))
          .send(body as object);
      const unknownCheck = await post({
        changes: [{ op: 'add', checkId: 'slo-foo', levelId: 'silver' }],
      });
      expect(unknownCheck.status).toBe(400);
      expect(unknownCheck.body.error.message).toContain(
        'changes[0].checkId: unknown check "slo-foo"',
      );
      const unknownLevel = await post({
        changes: [{ op: 'add', checkId: 'slo-met', levelId: 'platinum' }],
      });
      expect(unknownLevel.body.error.message).toContain(
        'changes[0].levelId: unknown level "platinum"',
      );
      const badOp = await post({
        changes: [{ op: 'move', checkId: 'slo-met', levelId: 'gold' }],
      });
      expect(badOp.status).toBe(400);
      expect(badOp.body.error.message).toContain('changes[0].op');
      const tooMany = await post({
        changes: Array.from({ length: 21 }, () => ({
          op: 'add',
          checkId: 'slo-met',
          levelId: 'gold',
        })),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toContain(
        'changes: must have at most 20 items',
      );
      expect((await post({})).body.error.message).toContain(
        'changes: is required',
      );
    });

    it('serves an entity scorecard with its history, or why there is none', async () => {
      const get = (kind: string, name: string) =>
        request(backend.server).get(
          api(`/entities/${kind}/default/${name}/scorecard`),
        );

      const ok = await get('component', 'fraud-api');
      expect(ok.status).toBe(200);
      const body: EntityScorecardResponse = ok.body;
      expect(body.state).toBe('ok');
      expect(body.stale).toBe(false);
      expect(body.scorecard?.level?.id).toBe('silver');
      expect(body.history).toEqual([
        { day: '2026-11-20', levelId: 'bronze', score: 50 },
        { day: '2026-11-21', levelId: 'silver', score: 67 },
      ]);

      expect((await get('component', 'new-service')).body).toMatchObject({
        state: 'awaiting-evaluation',
        scorecard: null,
        history: [],
      });
      expect((await get('user', 'dana')).body.state).toBe('not-in-scope');
      expect((await get('component', 'missing')).status).toBe(404);
      expect((await get('component', 'bad-name-')).status).toBe(400);
    });

    it('flags results evaluated from stale sources or another rubric version', async () => {
      await backend.store.writeScorecards(
        [
          storedScorecard({
            entityRef: 'component:default/new-service',
            ownerRef: scorecardGroups.search,
            levelId: 'bronze',
            checks: { 'owner-set': 'pass', 'runbook-linked': 'pass' },
            rubricVersion: 'rubric-v0',
          }),
        ],
        now,
      );
      const res = await request(backend.server).get(
        api('/entities/component/default/new-service/scorecard'),
      );
      expect(res.body).toMatchObject({ state: 'ok', stale: true });
      await backend.store.deleteScorecards(['component:default/new-service']);
    });

    it('requires credentials on every route', async () => {
      const none = mockCredentials.none.header();
      for (const res of [
        await request(backend.server)
          .get(api('/entities/component/default/checkout-api/scorecard'))
          .set('Authorization', none),
        await request(backend.server)
          .get(api('/groups/default/team-payments/scorecards'))
          .set('Authorization', none),
        await request(backend.server)
          .get(api('/groups/default/team-payments/scorecards/export'))
          .set('Authorization', none),
        await request(backend.server)
          .get(api('/scorecards/overview'))
          .set('Authorization', none),
        await request(backend.server)
          .post(api('/scorecards/preview'))
          .set('Authorization', none)
          .send({ changes: [] }),
      ]) {
        expect(res.status).toBe(401);
      }
    });

    it('says when a scorecard was last checked and, separately, when it last changed', async () => {
      const get = async (name: string) =>
        (
          await request(backend.server).get(
            api(`/entities/component/default/${name}/scorecard`),
          )
        ).body as EntityScorecardResponse;
      const scorecardTime = (await get('fraud-api')).scorecard!.evaluatedAt;
      // A later run found nothing changed: it wrote nothing, but checked.
      await backend.store.recordEvaluationRun({
        completedAt: new Date('2026-11-21T11:58:00Z'),
        evaluated: 0,
        unchanged: 5,
        removed: 0,
        durationMs: 800,
      });
      const body = await get('fraud-api');
      expect(body.lastCheckedAt).toBe('2026-11-21T11:58:00.000Z');
      // fraud-api went from bronze to silver in the 09:00 write.
      expect(body.lastChangedAt).toBe('2026-11-21T09:00:00.000Z');
      expect(body.scorecard!.evaluatedAt).toBe(scorecardTime);
    });
  });
});
