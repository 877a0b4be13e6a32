import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { DatabaseScorecardStore } from '../scorecards/DatabaseScorecardStore';
import { reliabilityMigrationsDirectory } from './openReliabilityDatabase';
import { migratedDatabase } from '../__testUtils__/migratedDatabase';

jest.setTimeout(60_000);

const MIGRATION = '20261208_lz4_for_stored_json.js';

/** `pg_attribute.attcompression` of each column: 'l' lz4, '' the default. */
async function compressionOf(knex: Knex, table: string, columns: string[]) {
  const { rows } = await knex.raw(
    `SELECT attname, attcompression FROM pg_attribute
      WHERE attrelid = ?::regclass AND attname = ANY(?) ORDER BY attname`,
    [table, columns],
  );
  return Object.fromEntries(
    rows.map((r: { attname: string; attcompression: string }) => [
      r.attname,
      r.attcompression,
    ]),
  );
}

describe(`migration ${MIGRATION}`, () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'stores the scorecard and entity-page JSON columns with lz4, and reads them back, on %p',
    async databaseId => {
      const knex = await migratedDatabase(await databases.init(databaseId));
      expect(
        await compressionOf(knex, 'scorecard_results', [
          'check_states',
          'row_json',
          'scorecard_json',
        ]),
      ).toEqual({ check_states: 'l', row_json: 'l', scorecard_json: 'l' });
      expect(
        await compressionOf(knex, 'entity_page_snapshots', [
          'entity_json',
          'owner_json',
        ]),
      ).toEqual({ entity_json: 'l', owner_json: 'l' });

      // A value large enough to be compressed is, with lz4, and reads back.
      const store = await DatabaseScorecardStore.create(knex);
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          description: 'Takes the payment. '.repeat(500),
        },
      };
      await store.writeEntityPageSnapshots([
        {
          entityRef: 'component:default/checkout',
          mark: 'm1',
          entity,
          owner: null,
        },
      ]);
      const { rows } = await knex.raw(
        'SELECT pg_column_compression(entity_json) AS method FROM entity_page_snapshots',
      );
      expect(rows).toEqual([{ method: 'lz4' }]);
      expect(
        (await store.getEntityPageSnapshot('component:default/checkout'))
          ?.entity,
      ).toEqual(entity);

      // Down: the columns are back to the server's default.
      await knex.migrate.down({ directory: reliabilityMigrationsDirectory });
      expect(
        await compressionOf(knex, 'scorecard_results', ['scorecard_json']),
      ).toEqual({ scorecard_json: '' });
    },
  );
});
