import { TestDatabases } from '@backstage/backend-test-utils';
import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';
import { splitScorecard } from './compactScorecard';
import { DATA_SCOPES, readDataVersion } from '../database/dataVersions';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const payments = 'group:default/team-payments';
const fraud = 'group:default/team-fraud';
const search = 'group:default/team-search';

const checkout = 'component:default/checkout-api';
const ledger = 'component:default/ledger-service';
const detector = 'component:default/fraud-detector';
const searchApi = 'component:default/search-api';

const at = (day: string, time = '10:00:00') => new Date(`${day}T${time}.000Z`);

const silverCheckout = storedScorecard({
  entityRef: checkout,
  ownerRef: payments,
  levelId: 'silver',
  checks: {
    'owner-set': 'pass',
    'runbook-linked': 'pass',
    'escalation-policy-levels': 'pass',
    'slo-defined': 'pass',
    'slo-met': 'fail',
  },
});
const bronzeLedger = storedScorecard({
  entityRef: ledger,
  ownerRef: payments,
  levelId: 'bronze',
  checks: {
    'owner-set': 'pass',
    'runbook-linked': 'pass',
    'escalation-policy-levels': 'error',
    'slo-defined': 'fail',
  },
});
const noneDetector = storedScorecard({
  entityRef: detector,
  ownerRef: fraud,
  levelId: null,
  checks: { 'owner-set': 'pass', 'runbook-linked': 'fail' },
});
const goldSearch = storedScorecard({
  entityRef: searchApi,
  ownerRef: search,
  levelId: 'gold',
  checks: { 'owner-set': 'pass', 'runbook-linked': 'pass' },
});

// payments ⊃ fraud; search stands alone.
const ancestry = [
  { groupRef: payments, ancestorRef: payments },
  { groupRef: fraud, ancestorRef: fraud },
  { groupRef: fraud, ancestorRef: payments },
  { groupRef: search, ancestorRef: search },
];

describe('DatabaseScorecardStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await migratedDatabase(await databases.init(databaseId));
    return { store: await DatabaseScorecardStore.create(knex), knex };
  }

  it.each(databases.eachSupportedId())(
    'stores results, fingerprints and check states, and deletes them, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.writeScorecards(
        [silverCheckout, bronzeLedger, noneDetector],
        at('2026-11-20'),
      );

      expect(await store.getFingerprints()).toEqual(
        new Map([
          [checkout, silverCheckout.fingerprint],
          [ledger, bronzeLedger.fingerprint],
          [detector, noneDetector.fingerprint],
        ]),
      );
      expect(await store.getScorecard(checkout)).toEqual(silverCheckout);
      expect(
        await store.getScorecard('component:default/nope'),
      ).toBeUndefined();
      expect(
        (await store.listCheckStates()).filter(s => s.entityRef === ledger),
      ).toEqual([
        {
          entityRef: ledger,
          ownerRef: payments,
          checkId: 'escalation-policy-levels',
          state: 'error',
          passing: false,
          exempt: false,
        },
        expect.objectContaining({ checkId: 'owner-set', passing: true }),
        expect.objectContaining({ checkId: 'runbook-linked', passing: true }),
        expect.objectContaining({ checkId: 'slo-defined', state: 'fail' }),
      ]);

      // A rewrite replaces the check states (a check can disappear).
      const exempted = storedScorecard({
        entityRef: ledger,
        ownerRef: payments,
        levelId: 'bronze',
        checks: {
          'owner-set': 'pass',
          'slo-defined': { state: 'fail', exempt: true },
        },
      });
      await store.writeScorecards([exempted], at('2026-11-20', '11:00:00'));
      expect(
        (await store.listCheckStates()).filter(s => s.entityRef === ledger),
      ).toEqual([
        expect.objectContaining({ checkId: 'owner-set' }),
        expect.objectContaining({
          checkId: 'slo-defined',
          state: 'fail',
          passing: true,
          exempt: true,
        }),
      ]);

      await store.deleteScorecards([ledger, detector]);
      expect([...(await store.getFingerprints()).keys()]).toEqual([checkout]);
      expect(await store.getHistory(ledger, '2026-01-01')).toEqual([]);
      expect(
        new Set((await store.listCheckStates()).map(s => s.entityRef)),
      ).toEqual(new Set([checkout]));
    },
  );

  it.each(databases.eachSupportedId())(
    'writes a large fleet in batches within the bind-parameter limits, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      const fleet = Array.from({ length: 1_203 }, (_, i) =>
        storedScorecard({
          entityRef: `component:default/service-${i}`,
          ownerRef: payments,
          levelId: i % 2 ? 'bronze' : null,
          checks: {
            'owner-set': 'pass',
            'runbook-linked': i % 2 ? 'pass' : 'fail',
          },
        }),
      );
      await store.writeScorecards(fleet, at('2026-11-20'));
      await store.writeScorecards(fleet, at('2026-11-20', '12:00:00'));
      expect((await store.getFingerprints()).size).toBe(1_203);
      expect(await store.listCheckStates()).toHaveLength(2_406);
      await store.replaceGroupAncestry(ancestry);
      await store.recordDailySnapshots(
        at('2026-11-20', '12:00:00'),
        at('2026-01-01'),
      );
      const trend = await store.getDailyLevels(payments, '2026-11-01');
      expect(trend).toEqual([
        { day: '2026-11-20', counts: { bronze: 601, none: 602 } },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps history of changes and one daily snapshot, pruned by retention, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      // Day 1: first evaluation is a change.
      await store.writeScorecards([bronzeLedger], at('2026-11-18'));
      // Same result later that day: nothing new.
      await store.writeScorecards([bronzeLedger], at('2026-11-18', '15:00:00'));
      // Day 2: unchanged, re-written (e.g. after a rubric version bump): the daily point.
      await store.writeScorecards([bronzeLedger], at('2026-11-19'));
      // Day 2 later: a check state changes while level and score stay: a change.
      const changedCheck = storedScorecard({
        entityRef: ledger,
        ownerRef: payments,
        levelId: 'bronze',
        checks: {
          'owner-set': 'pass',
          'runbook-linked': 'pass',
          'escalation-policy-levels': 'fail',
          'slo-defined': 'fail',
        },
      });
      expect(changedCheck.scorecard.score).toBe(bronzeLedger.scorecard.score);
      await store.writeScorecards([changedCheck], at('2026-11-19', '12:00:00'));
      // Day 2, evening: silver.
      const silverLedger = storedScorecard({
        entityRef: ledger,
        ownerRef: payments,
        levelId: 'silver',
        checks: {
          'owner-set': 'pass',
          'runbook-linked': 'pass',
          'escalation-policy-levels': 'pass',
          'slo-defined': 'pass',
        },
      });
      await store.writeScorecards([silverLedger], at('2026-11-19', '20:00:00'));
      // Days 3 and 4: nothing re-evaluated, only the daily snapshots.
      await store.recordDailySnapshots(at('2026-11-20'), at('2026-01-01'));
      await store.recordDailySnapshots(
        at('2026-11-20', '18:00:00'),
        at('2026-01-01'),
      );
      await store.recordDailySnapshots(at('2026-11-21'), at('2026-01-01'));

      const history = await store.getHistory(ledger, '2026-11-01');
      expect(history).toEqual([
        { day: '2026-11-18', levelId: 'bronze', score: 50 },
        { day: '2026-11-19', levelId: 'silver', score: 100 },
        { day: '2026-11-20', levelId: 'silver', score: 100 },
        { day: '2026-11-21', levelId: 'silver', score: 100 },
      ]);
      expect(await store.getHistory(ledger, '2026-11-20')).toHaveLength(2);

      // Retention: everything before the 20th goes.
      await store.recordDailySnapshots(
        at('2026-11-21', '12:00:00'),
        at('2026-11-20'),
      );
      expect(
        (await store.getHistory(ledger, '2026-01-01')).map(p => p.day),
      ).toEqual(['2026-11-20', '2026-11-21']);
    },
  );

  it.each(databases.eachSupportedId())(
    'records change points only when something changed, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.writeScorecards([bronzeLedger], at('2026-11-18'));
      await store.writeScorecards([bronzeLedger], at('2026-11-18', '11:00:00'));
      await store.writeScorecards([bronzeLedger], at('2026-11-19'));
      await store.writeScorecards(
        [
          storedScorecard({
            entityRef: ledger,
            ownerRef: payments,
            levelId: 'bronze',
            checks: {
              'owner-set': 'pass',
              'runbook-linked': 'pass',
              'escalation-policy-levels': 'error',
              'slo-defined': { state: 'fail', exempt: true },
            },
          }),
        ],
        at('2026-11-19', '11:00:00'),
      );
      const rows = await knex('scorecard_history')
        .select('day', 'reason')
        .orderBy('id');
      expect(rows).toEqual([
        { day: '2026-11-18', reason: 'change' },
        { day: '2026-11-19', reason: 'daily' },
        { day: '2026-11-19', reason: 'change' },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'serves a team with its sub-groups from the stored ancestry, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceGroupAncestry(ancestry);
      await store.writeScorecards(
        [silverCheckout, bronzeLedger, noneDetector, goldSearch],
        at('2026-11-19'),
      );
      await store.recordDailySnapshots(at('2026-11-19'), at('2026-01-01'));
      // On the 20th the fraud detector reaches bronze and checkout is
      // re-evaluated; the run's daily snapshots cover the others.
      const bronzeDetector = storedScorecard({
        entityRef: detector,
        ownerRef: fraud,
        levelId: 'bronze',
        checks: { 'owner-set': 'pass', 'runbook-linked': 'pass' },
      });
      await store.writeScorecards(
        [silverCheckout, bronzeDetector],
        at('2026-11-20'),
      );
      await store.recordDailySnapshots(at('2026-11-20'), at('2026-01-01'));
      // A later run the same day: the detector falls back; its last point counts.
      await store.writeScorecards([noneDetector], at('2026-11-20', '16:00:00'));
      await store.recordDailySnapshots(
        at('2026-11-20', '16:00:00'),
        at('2026-01-01'),
      );

      expect(await store.getGroupDescendants(payments)).toEqual([
        fraud,
        payments,
      ]);
      expect(await store.getGroupDescendants(fraud)).toEqual([fraud]);
      expect(
        (await store.getTeamRows(payments)).map(r => [r.entityRef, r.levelId]),
      ).toEqual([
        [checkout, 'silver'],
        [detector, null],
        [ledger, 'bronze'],
      ]);
      expect((await store.getTeamRows(fraud)).map(r => r.entityRef)).toEqual([
        detector,
      ]);

      // The pre-aggregated trend: each day as the last run left it.
      expect(await store.getDailyLevels(payments, '2026-11-01')).toEqual([
        { day: '2026-11-19', counts: { bronze: 1, none: 1, silver: 1 } },
        { day: '2026-11-20', counts: { bronze: 1, none: 1, silver: 1 } },
      ]);
      expect(await store.getDailyLevels(fraud, '2026-11-20')).toEqual([
        { day: '2026-11-20', counts: { none: 1 } },
      ]);
      expect(await store.getDailyLevels('*', '2026-11-20')).toEqual([
        {
          day: '2026-11-20',
          counts: { bronze: 1, gold: 1, none: 1, silver: 1 },
        },
      ]);
      expect(await store.getTeamSummary(payments)).toEqual({
        entities: 3,
        scoreSum: expect.any(Number),
        staleEntities: 0,
        levels: expect.arrayContaining([
          { levelId: 'silver', entities: 1 },
          { levelId: 'bronze', entities: 1 },
          { levelId: null, entities: 1 },
        ]),
        ownerRefs: [fraud, payments],
        tiers: [],
        lifecycles: [],
      });
      expect(await store.getFleetTrend('2026-11-01')).toEqual([
        {
          day: '2026-11-19',
          counts: { bronze: 1, gold: 1, none: 1, silver: 1 },
        },
        {
          day: '2026-11-20',
          counts: { bronze: 1, gold: 1, none: 1, silver: 1 },
        },
      ]);

      expect((await store.listRows()).map(r => r.entityRef)).toEqual([
        checkout,
        detector,
        ledger,
        searchApi,
      ]);
      expect(await store.listGroupAncestry()).toEqual(
        [...ancestry].sort((a, b) =>
          (a.groupRef + a.ancestorRef).localeCompare(
            b.groupRef + b.ancestorRef,
          ),
        ),
      );

      // A re-organisation: fraud moves out of payments.
      await store.replaceGroupAncestry([
        { groupRef: payments, ancestorRef: payments },
        { groupRef: fraud, ancestorRef: fraud },
      ]);
      expect((await store.getTeamRows(payments)).map(r => r.entityRef)).toEqual(
        [checkout, ledger],
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'bumps the data version with every write, seen by a second store on the same database, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const other = await DatabaseScorecardStore.create(knex);
      const before = await other.getDataVersion();
      await store.writeScorecards([bronzeLedger], at('2026-11-20'));
      const afterWrite = await other.getDataVersion();
      expect(afterWrite).toBeGreaterThan(before);
      // The same hierarchy again changes nothing.
      await store.replaceGroupAncestry(ancestry);
      const afterAncestry = await other.getDataVersion();
      await store.replaceGroupAncestry(ancestry);
      expect(await other.getDataVersion()).toBe(afterAncestry);
      await store.recordDailySnapshots(at('2026-11-20'), at('2026-01-01'));
      expect(await other.getDataVersion()).toBeGreaterThan(afterAncestry);
    },
  );

  it.each(databases.eachSupportedId())(
    'derives the sort and filter columns of rows stored before they existed, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      await store.replaceGroupAncestry(ancestry);
      await store.writeScorecards(
        [silverCheckout, bronzeLedger, noneDetector],
        at('2026-11-20'),
      );
      // As an older version left them.
      await knex('scorecard_results').update({
        name_sort: null,
        failing_checks: 0,
        columns_version: 0,
      });
      const restarted = await DatabaseScorecardStore.create(knex);
      const query = {
        sort: 'entity' as const,
        direction: 'asc' as const,
        offset: 0,
        limit: 10,
        failing: true,
      };
      expect(
        (await restarted.queryTeamRows(payments, query, [])).map(
          r => r.entityRef,
        ),
      ).toEqual([checkout, detector, ledger]);
    },
  );

  it.each(databases.eachSupportedId())(
    'filters a team by a failing check by its exact id, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.replaceGroupAncestry(ancestry);
      // Ids that a substring, a LIKE wildcard or a case-blind match would mix up.
      const ids = ['slo', 'slo-met', 'slo_met', 'SLO-MET'];
      await store.writeScorecards(
        ids.map((id, i) =>
          storedScorecard({
            entityRef: `component:default/service-${i}`,
            ownerRef: payments,
            levelId: null,
            checks: { 'owner-set': 'pass', [id]: 'fail' },
          }),
        ),
        at('2026-11-20'),
      );
      const failingOf = async (check: string) =>
        (
          await store.queryTeamRows(
            payments,
            {
              sort: 'entity',
              direction: 'asc',
              offset: 0,
              limit: 10,
              failing: false,
              check,
            },
            [],
          )
        ).map(r => r.entityRef);
      for (const [i, id] of ids.entries()) {
        expect(await failingOf(id)).toEqual([`component:default/service-${i}`]);
      }
      expect(await failingOf('slo-me')).toEqual([]);
      expect(await failingOf('owner-set')).toEqual([]);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers the last evaluation run, on %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      expect(await store.getLastEvaluatedAt()).toBeNull();
      for (let i = 0; i < 25; i++) {
        await store.recordEvaluationRun({
          completedAt: new Date(Date.UTC(2026, 10, 20, 10, i)),
          evaluated: i,
          unchanged: 0,
          removed: 0,
          durationMs: 12.5,
        });
      }
      expect(await store.getLastEvaluatedAt()).toBe('2026-11-20T10:24:00.000Z');
    },
  );

  it.each(databases.eachSupportedId())(
    'stores check presentations once per rubric version and reads scorecards whole, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const nextRubric = storedScorecard({
        entityRef: ledger,
        ownerRef: payments,
        levelId: 'bronze',
        checks: { 'owner-set': 'pass', 'runbook-linked': 'fail' },
        rubricVersion: 'rubric-2',
      });
      await store.writeScorecards(
        [silverCheckout, bronzeLedger, nextRubric],
        at('2026-11-20'),
      );

      // Each entity's row holds what is particular to it; the titles,
      // descriptions and fixes are stored once per version and check.
      const stored = await knex('scorecard_results')
        .select('entity_ref', 'scorecard_json')
        .orderBy('entity_ref');
      for (const row of stored) {
        for (const check of JSON.parse(row.scorecard_json).checks) {
          expect(Object.keys(check)).not.toContain('title');
          expect(Object.keys(check)).not.toContain('description');
          expect(Object.keys(check)).not.toContain('fix');
        }
      }
      const presentations = await knex('scorecard_rubric_checks')
        .select('rubric_version', 'check_id')
        .orderBy(['rubric_version', 'check_id']);
      expect(presentations).toEqual([
        { rubric_version: 'rubric-2', check_id: 'owner-set' },
        { rubric_version: 'rubric-2', check_id: 'runbook-linked' },
        ...[
          'escalation-policy-levels',
          'owner-set',
          'runbook-linked',
          'slo-defined',
          'slo-met',
        ].map(check_id => ({
          rubric_version: silverCheckout.scorecard.rubricVersion,
          check_id,
        })),
      ]);
      expect(await store.getScorecard(checkout)).toEqual(silverCheckout);
      expect(await store.getScorecards([ledger, checkout])).toEqual(
        new Map([
          [ledger, nextRubric],
          [checkout, silverCheckout],
        ]),
      );

      // A scorecard stored whole before this storage reads as it was.
      await knex('scorecard_results')
        .where({ entity_ref: checkout })
        .update({ scorecard_json: JSON.stringify(silverCheckout.scorecard) });
      expect(await store.getScorecard(checkout)).toEqual(silverCheckout);

      // Presentations of a version no scorecard is judged by any more go
      // with the day's housekeeping; the others stay.
      await store.writeScorecards(
        [{ ...nextRubric, scorecard: { ...nextRubric.scorecard } }].map(s => ({
          ...s,
          scorecard: { ...s.scorecard, rubricVersion: 'rubric-3' },
        })),
        at('2026-11-20', '11:00:00'),
      );
      await store.recordDailySnapshots(at('2026-11-20'), at('2026-01-01'));
      expect(
        await knex('scorecard_rubric_checks').distinct('rubric_version'),
      ).toEqual(expect.not.arrayContaining([{ rubric_version: 'rubric-2' }]));
      expect(
        (await store.getScorecard(ledger))?.scorecard.checks.map(c => c.title),
      ).toEqual(nextRubric.scorecard.checks.map(c => c.title));
    },
  );
  it.each(databases.eachSupportedId())(
    'writes scorecards in format 2 and reads rows of every earlier form the same, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const pagerduty = {
        sourceId: 'pagerduty:default',
        asOf: '2026-11-20T09:58:00.000Z',
        stale: false,
      };
      const [ownerSet, runbook, ...rest] = bronzeLedger.scorecard.checks;
      const withFreshness = {
        ...bronzeLedger,
        scorecard: {
          ...bronzeLedger.scorecard,
          sources: [pagerduty],
          checks: [
            {
              ...ownerSet,
              facts: [
                { label: 'Escalation levels', value: 1, ...pagerduty },
                {
                  label: 'Stale elsewhere',
                  value: null,
                  sourceId: 'x',
                  stale: true,
                },
              ],
            },
            { ...runbook, blockedBy: 'owner-set' },
            ...rest,
          ],
        },
      };
      const exempt = storedScorecard({
        entityRef: detector,
        ownerRef: fraud,
        levelId: null,
        checks: {
          'owner-set': 'pass',
          'runbook-linked': { state: 'fail', exempt: true },
        },
      });
      const written = [silverCheckout, withFreshness, exempt];
      await store.writeScorecards(written, at('2026-11-20'));
      const rows = await knex('scorecard_results')
        .select('entity_ref', 'scorecard_json')
        .orderBy('entity_ref');
      expect(rows.map(row => JSON.parse(row.scorecard_json).v)).toEqual([
        2, 2, 2,
      ]);
      const refs = written.map(w => w.scorecard.entityRef);
      const expected = new Map(written.map(w => [w.scorecard.entityRef, w]));
      expect(await store.getScorecards(refs)).toEqual(expected);
      const answer = async () => {
        const read = await store.getScorecards(refs);
        return JSON.stringify(refs.map(ref => read.get(ref)?.scorecard));
      };
      const format2 = await answer();

      // Rows written by earlier versions: format 1 (no presentation) and
      // whole, read back the same, to the byte of the answer.
      for (const form of [
        (w: (typeof written)[number]) => splitScorecard(w.scorecard).compact,
        (w: (typeof written)[number]) => w.scorecard,
      ]) {
        for (const w of written) {
          await knex('scorecard_results')
            .where({ entity_ref: w.scorecard.entityRef })
            .update({ scorecard_json: JSON.stringify(form(w)) });
        }
        const fresh = await DatabaseScorecardStore.create(knex);
        expect(await fresh.getScorecards(refs)).toEqual(expected);
        expect(await fresh.getScorecard(detector)).toEqual(exempt);
      }
      // Format 1 read with the presentations first, as format 2 does.
      for (const w of written) {
        await knex('scorecard_results')
          .where({ entity_ref: w.scorecard.entityRef })
          .update({
            scorecard_json: JSON.stringify(splitScorecard(w.scorecard).compact),
          });
      }
      expect(await answer()).toBe(format2);
    },
  );
  it.each(databases.eachSupportedId())(
    'writes entity-page snapshots and input marks with a batch of scorecards, on %p',
    async databaseId => {
      const { store, knex } = await createStore(databaseId);
      const snapshot = (ref: string, mark: string) => ({
        entityRef: ref,
        mark,
        entity: {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: ref.split('/')[1] },
        },
        owner: null,
      });
      const pagesBefore = await readDataVersion(knex, [
        DATA_SCOPES.entityPages,
      ]);
      const mark = (ref: string, value: string) => ({
        entityRef: ref,
        mark: value,
        hourly: false,
        scored: true,
        ownerRef: 'group:default/team-a',
        onCall: null,
      });
      await store.writeScorecards([silverCheckout], at('2026-11-20'), {
        snapshots: [snapshot(checkout, 'm1'), snapshot(ledger, 'm1')],
        marks: [mark(checkout, 'i1')],
      });
      expect(await store.getScorecard(checkout)).toEqual(silverCheckout);
      expect(await store.getInputMarks()).toEqual(
        new Map([[checkout, mark(checkout, 'i1')]]),
      );
      expect(await store.getEntityPageMarks()).toEqual(
        new Map([
          [checkout, 'm1'],
          [ledger, 'm1'],
        ]),
      );
      const pagesAfter = await readDataVersion(knex, [DATA_SCOPES.entityPages]);
      expect(pagesAfter).toBeGreaterThan(pagesBefore);

      // Snapshots and marks alone (the last batch of a run may hold no
      // scorecard).
      await store.writeScorecards([], at('2026-11-20'), {
        snapshots: [snapshot(ledger, 'm2')],
        marks: [mark(ledger, 'i2')],
      });
      expect((await store.getEntityPageSnapshot(ledger))?.mark).toBe('m2');
      expect((await store.getInputMarks()).get(ledger)).toEqual(
        mark(ledger, 'i2'),
      );
      expect(
        await readDataVersion(knex, [DATA_SCOPES.entityPages]),
      ).toBeGreaterThan(pagesAfter);
    },
  );
});
