import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';
import { storedScorecard } from '../__testUtils__/scorecardFixtures';
import { DatabaseScorecardStore } from './DatabaseScorecardStore';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@preflight/plugin-reliability-backend',
  'migrations',
);
const MIGRATION = '20261207_scorecard_check_states_in_results.js';

const team = 'group:default/team-payments';

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'moves the check states into the results and back without losing one, on %p',
    async databaseId => {
      const knex = await migratedDatabase(await databases.init(databaseId));
      const store = await DatabaseScorecardStore.create(knex);
      await store.replaceGroupAncestry([{ groupRef: team, ancestorRef: team }]);
      // More entities than one step of the migration moves, each with a
      // failing, an erroring, an exempt, a not-applicable and a passing check.
      const refs = Array.from(
        { length: 1203 },
        (_, i) => `component:default/service-${String(i).padStart(4, '0')}`,
      );
      await store.writeScorecards(
        refs.map((entityRef, i) =>
          storedScorecard({
            entityRef,
            ownerRef: team,
            levelId: null,
            checks: {
              'owner-set': 'pass',
              'runbook-linked': i % 2 === 0 ? 'fail' : 'pass',
              'escalation-policy-levels': i % 3 === 0 ? 'error' : 'pass',
              'slo-defined': { state: 'fail', exempt: true },
              'slo-met': 'not-applicable',
            },
          }),
        ),
        new Date('2026-11-20T10:00:00.000Z'),
      );
      const query = {
        sort: 'entity' as const,
        direction: 'asc' as const,
        offset: 0,
        limit: 100,
        failing: false,
        check: 'escalation-policy-levels',
      };
      const answers = async () => ({
        states: await store.listCheckStates(),
        failing: await store.getFailingCheckIds(refs),
        filtered: (await store.queryTeamRows(team, query, [])).map(
          r => r.entityRef,
        ),
      });
      const before = await answers();
      expect(before.states).toHaveLength(refs.length * 5);
      expect(before.failing.get(refs[0])).toEqual([
        'escalation-policy-levels',
        'runbook-linked',
      ]);
      expect(before.filtered).toHaveLength(100);

      // Down: one row per entity and check again, the columns gone.
      await knex.migrate.down({ directory, name: MIGRATION });
      const [{ n }] = await knex('scorecard_check_states').count({ n: '*' });
      expect(Number(n)).toBe(refs.length * 5);
      expect(
        await knex.schema.hasColumn('scorecard_results', 'check_states'),
      ).toBe(false);

      // Up again: every reader answers as before.
      await knex.migrate.up({ directory, name: MIGRATION });
      expect(await knex.schema.hasTable('scorecard_check_states')).toBe(false);
      expect(await answers()).toEqual(before);
    },
  );
});
