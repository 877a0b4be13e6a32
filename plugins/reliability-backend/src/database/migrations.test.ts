import fs from 'node:fs';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseReliabilityStore } from '../oncall/DatabaseReliabilityStore';
import {
  openReliabilityDatabase,
  reliabilityMigrationsDirectory,
} from './openReliabilityDatabase';

jest.setTimeout(120_000);

// knex's own bookkeeping, present whatever the plugin's schema is.
const KNEX_TABLES = ['knex_migrations', 'knex_migrations_lock'];

async function tableNames(knex: Knex): Promise<string[]> {
  const client = String(knex.client.config.client);
  const rows: Array<{ name: string }> = client.includes('sqlite')
    ? await knex('sqlite_master')
        .where({ type: 'table' })
        .whereNot('name', 'like', 'sqlite_%')
        .select('name')
    : await knex('pg_tables')
        .whereRaw('schemaname = current_schema()')
        .select({ name: 'tablename' });
  return rows
    .map(row => row.name)
    .filter(name => !KNEX_TABLES.includes(name))
    .sort();
}

const migrationFiles = fs
  .readdirSync(reliabilityMigrationsDirectory)
  .filter(file => file.endsWith('.js'))
  .sort();

describe('the plugin migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const migrate = { directory: reliabilityMigrationsDirectory };

  it.each(databases.eachSupportedId())(
    'run up one by one, down one by one to an empty schema, and up again, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      expect(migrationFiles.length).toBeGreaterThan(0);

      const tablesAfter: string[][] = [];
      for (const file of migrationFiles) {
        await knex.migrate.up(migrate);
        const [done] = await knex.migrate.list(migrate);
        expect(done.map((m: { name: string }) => m.name).at(-1)).toBe(file);
        tablesAfter.push(await tableNames(knex));
      }
      const [, pending] = await knex.migrate.list(migrate);
      expect(pending).toEqual([]);
      const fullSchema = tablesAfter.at(-1)!;

      // Down, newest first: each step leaves the tables of the step before.
      for (let i = migrationFiles.length - 1; i >= 0; i--) {
        await knex.migrate.down(migrate);
        expect(await tableNames(knex)).toEqual(
          i === 0 ? [] : tablesAfter[i - 1],
        );
      }
      const [doneAfterDown] = await knex.migrate.list(migrate);
      expect(doneAfterDown).toEqual([]);

      // What the plugin's init runs: latest, once, on the emptied database.
      const db = await openReliabilityDatabase(mockServices.database({ knex }));
      expect(await tableNames(db)).toEqual(fullSchema);
      // The schema the stores expect: a store reads and writes on it.
      const store = new DatabaseReliabilityStore(db);
      await store.registerSource({
        id: 'pagerduty:default',
        type: 'pagerduty',
        displayName: 'PagerDuty',
      });
      expect(await store.listSourceHealth()).toEqual([
        expect.objectContaining({ id: 'pagerduty:default' }),
      ]);
    },
  );

  it('leave the schema alone when the deployment runs migrations itself', async () => {
    const knex = await databases.init('SQLITE_3');
    await openReliabilityDatabase(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    expect(await tableNames(knex)).toEqual([]);
  });
});
